-- The bulletin reads each task due in its period once, grouped, and also works out each task's reporting periods
-- from its cadence, assignment and completion days. This index holds every column that pass reads, so a quarter over
-- a million tasks is one range scan of the index without touching the table. It replaces 0006's narrower index.
CREATE INDEX evaluation_tasks_due ON tasks (deadline, lead_unit_id, state, completion_claimed_on, closed_on, reporting_cadence, assigned_on, signed_on);
DROP INDEX IF EXISTS ix_evaluation_tasks_deadline;
