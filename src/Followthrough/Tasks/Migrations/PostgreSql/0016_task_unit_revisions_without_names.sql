-- The names row (unit_id 0) of task_unit_revisions is no longer kept: the directory counts its own changes since
-- migration 0015 (organization_revision), and the inbox reads that count through Organization. Its trigger function
-- lost its last triggers in 0015.
DELETE FROM task_unit_revisions WHERE unit_id = 0;
DROP FUNCTION IF EXISTS task_unit_revisions_of_names();
