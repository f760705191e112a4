-- The names row (unit_id 0) of task_unit_revisions is no longer kept: the directory counts its own changes since
-- migration 0015 (organization_revision), and the inbox reads that count through Organization.
DELETE FROM task_unit_revisions WHERE unit_id = 0;
