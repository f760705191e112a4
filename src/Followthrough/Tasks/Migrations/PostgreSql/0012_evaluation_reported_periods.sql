-- The bulletin counts the reporting periods each task answered. Reading every report of every task due in a quarter is
-- slow at a million tasks, so each task carries a summary of its answered periods: reported_periods, when not NULL,
-- has a '1' at character i when the task's reporting period (first + i - 1) holds a report that was not returned, else
-- '0' (trailing zeros dropped); under the time-node cadence it is the one period closed by the deadline. NULL means not
-- summarized: the bulletin then reads that task's reports, so its figures are exact either way. The summaries are
-- written by the fill (followthrough bulletin summarize, BulletinSummaries). Triggers set a summary back to NULL
-- whenever what it was computed from changes, so every writer keeps it honest: the web host, the command line, bulk
-- SQL and other instances on the same database.
ALTER TABLE tasks ADD COLUMN reported_periods text NULL;

-- The bulletin's pass over the tasks due in a period reads the summary (and the id, for the rare tasks whose reports
-- it must still read) too, still without touching the table.
DROP INDEX evaluation_tasks_due;
CREATE INDEX evaluation_tasks_due ON tasks (deadline, lead_unit_id, state, completion_claimed_on, closed_on, reporting_cadence, assigned_on, signed_on, reported_periods)
    INCLUDE (id);

-- Locks the tasks, then clears their summaries. The fill holds its tasks FOR UPDATE while it reads their reports and
-- writes the summaries, so the lock waits for it, and the clear (a new statement, so a new snapshot) sees what it wrote.
-- Without the lock a summary that was still NULL when the report came could be written without the report.
CREATE FUNCTION evaluation_periods_forget(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM tasks WHERE id = ANY (ids) ORDER BY id FOR NO KEY UPDATE;
    UPDATE tasks SET reported_periods = NULL WHERE id = ANY (ids) AND reported_periods IS NOT NULL;
END;
$$;

-- One call per statement, not per row, so a bulk load of reports (demo generate's COPY) locks each task once.
CREATE FUNCTION evaluation_periods_reports_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM evaluation_periods_forget(ARRAY(SELECT DISTINCT task_id FROM added_reports));
    RETURN NULL;
END;
$$;

CREATE FUNCTION evaluation_periods_reports_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM evaluation_periods_forget(ARRAY(
        SELECT DISTINCT x.task_id
        FROM old_reports AS o JOIN new_reports AS n ON n.id = o.id
        CROSS JOIN LATERAL (VALUES (o.task_id), (n.task_id)) AS x (task_id)
        WHERE (o.task_id, o.reported_on, o.returned_at) IS DISTINCT FROM (n.task_id, n.reported_on, n.returned_at)));
    RETURN NULL;
END;
$$;

CREATE FUNCTION evaluation_periods_reports_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM evaluation_periods_forget(ARRAY(SELECT DISTINCT task_id FROM removed_reports));
    RETURN NULL;
END;
$$;

CREATE FUNCTION evaluation_periods_task_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.reported_periods := NULL;
    RETURN NEW;
END;
$$;

CREATE TRIGGER evaluation_periods_reports_added AFTER INSERT ON progress_reports
    REFERENCING NEW TABLE AS added_reports FOR EACH STATEMENT EXECUTE FUNCTION evaluation_periods_reports_added();
CREATE TRIGGER evaluation_periods_reports_changed AFTER UPDATE ON progress_reports
    REFERENCING OLD TABLE AS old_reports NEW TABLE AS new_reports FOR EACH STATEMENT EXECUTE FUNCTION evaluation_periods_reports_changed();
CREATE TRIGGER evaluation_periods_reports_removed AFTER DELETE ON progress_reports
    REFERENCING OLD TABLE AS removed_reports FOR EACH STATEMENT EXECUTE FUNCTION evaluation_periods_reports_removed();
CREATE TRIGGER evaluation_periods_task_changed BEFORE UPDATE ON tasks FOR EACH ROW
    WHEN (OLD.reporting_cadence IS DISTINCT FROM NEW.reporting_cadence OR OLD.assigned_on IS DISTINCT FROM NEW.assigned_on
        OR OLD.deadline IS DISTINCT FROM NEW.deadline)
    EXECUTE FUNCTION evaluation_periods_task_changed();
