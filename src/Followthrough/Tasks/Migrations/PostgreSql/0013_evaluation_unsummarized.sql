-- The tasks still without a summary of answered reporting periods (0012), found without reading every task: the
-- summary fill (BulletinSummaries) looks them up here, so the daily supervision run's fill costs nothing when the day
-- brought no reports. Reports clear a summary (the 0012 triggers), which adds the task here; the fill removes it.
CREATE INDEX evaluation_tasks_unsummarized ON tasks (id) WHERE reported_periods IS NULL;
