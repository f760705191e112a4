-- The bulletin counts the reporting periods each task answered. Reading every report of every task due in a quarter is
-- slow at a million tasks, so each task carries a summary of its answered periods: reported_periods, when not NULL,
-- has a '1' at character i when the task's reporting period (first + i - 1) holds a report that was not returned, else
-- '0' (trailing zeros dropped); under the time-node cadence it is the one period closed by the deadline. NULL means not
-- summarized: the bulletin then reads that task's reports, so its figures are exact either way. The summaries are
-- written by the fill (followthrough bulletin summarize, BulletinSummaries). Triggers set a summary back to NULL
-- whenever what it was computed from changes, so every writer keeps it honest: the web host, the command line, bulk
-- SQL and other instances on the same database.
ALTER TABLE tasks ADD COLUMN reported_periods TEXT NULL;

-- The bulletin's pass over the tasks due in a period reads the summary too, still without touching the table.
DROP INDEX evaluation_tasks_due;
CREATE INDEX evaluation_tasks_due ON tasks (deadline, lead_unit_id, state, completion_claimed_on, closed_on, reporting_cadence, assigned_on, signed_on, reported_periods);

CREATE TRIGGER evaluation_periods_report_added AFTER INSERT ON progress_reports BEGIN
    UPDATE tasks SET reported_periods = NULL WHERE id = NEW.task_id AND reported_periods IS NOT NULL;
END;

CREATE TRIGGER evaluation_periods_report_changed AFTER UPDATE OF task_id, reported_on, returned_at ON progress_reports
    WHEN OLD.task_id IS NOT NEW.task_id OR OLD.reported_on IS NOT NEW.reported_on OR OLD.returned_at IS NOT NEW.returned_at
BEGIN
    UPDATE tasks SET reported_periods = NULL WHERE id IN (OLD.task_id, NEW.task_id) AND reported_periods IS NOT NULL;
END;

CREATE TRIGGER evaluation_periods_report_removed AFTER DELETE ON progress_reports BEGIN
    UPDATE tasks SET reported_periods = NULL WHERE id = OLD.task_id AND reported_periods IS NOT NULL;
END;

CREATE TRIGGER evaluation_periods_task_changed AFTER UPDATE OF reporting_cadence, assigned_on, deadline ON tasks
    WHEN NEW.reported_periods IS NOT NULL AND (OLD.reporting_cadence IS NOT NEW.reporting_cadence
        OR OLD.assigned_on IS NOT NEW.assigned_on OR OLD.deadline IS NOT NEW.deadline)
BEGIN
    UPDATE tasks SET reported_periods = NULL WHERE id = NEW.id;
END;
