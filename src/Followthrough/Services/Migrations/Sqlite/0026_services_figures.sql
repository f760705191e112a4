-- The daily supervision run reads the applications whose clock runs by their committed due date across every unit
-- (Services' ISupervisedWork), a page at a time in (committed_due, id) order.
CREATE INDEX ix_service_applications_due ON service_applications (state, committed_due, id);

-- What a decision used of the clock (working days from acceptance to decision, pauses not counted) and whether rules
-- decided it with no human step (秒批): written once, with the decision.
ALTER TABLE service_applications ADD COLUMN working_days_used INTEGER NULL;
ALTER TABLE service_applications ADD COLUMN auto_decided INTEGER NOT NULL DEFAULT 0;

-- The monthly service figures per unit (months in China time), kept by triggers as applications are filed and
-- decided, so a month's figures read a few rows whatever the number of applications: received (and of them filed at a
-- window: one visit each), decided (approved, on time, decided by rules), and the sums of working days used and of the
-- committed and statutory limits of what was decided, for the averages.
CREATE TABLE service_figures (
    month TEXT NOT NULL,
    unit_id INTEGER NOT NULL,
    received INTEGER NOT NULL DEFAULT 0,
    window_visits INTEGER NOT NULL DEFAULT 0,
    decided INTEGER NOT NULL DEFAULT 0,
    approved INTEGER NOT NULL DEFAULT 0,
    on_time INTEGER NOT NULL DEFAULT 0,
    auto_decided INTEGER NOT NULL DEFAULT 0,
    working_days_used INTEGER NOT NULL DEFAULT 0,
    committed_days INTEGER NOT NULL DEFAULT 0,
    statutory_days INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (month, unit_id)
);

CREATE TRIGGER service_figures_received AFTER INSERT ON service_applications
BEGIN
    INSERT INTO service_figures (month, unit_id, received, window_visits)
        VALUES (strftime('%Y-%m', NEW.received_at, '+8 hours'), NEW.unit_id, 1, CASE WHEN NEW.channel = 'Window' THEN 1 ELSE 0 END)
        ON CONFLICT (month, unit_id) DO UPDATE SET received = received + 1, window_visits = window_visits + excluded.window_visits;
END;

CREATE TRIGGER service_figures_decided AFTER UPDATE OF decided_at ON service_applications
    WHEN OLD.decided_at IS NULL AND NEW.decided_at IS NOT NULL
BEGIN
    INSERT INTO service_figures (month, unit_id, decided, approved, on_time, auto_decided, working_days_used, committed_days, statutory_days)
        VALUES (strftime('%Y-%m', NEW.decided_at, '+8 hours'), NEW.unit_id, 1,
                CASE WHEN NEW.state = 'Approved' THEN 1 ELSE 0 END,
                CASE WHEN NEW.committed_due IS NOT NULL AND date(NEW.decided_at, '+8 hours') <= NEW.committed_due THEN 1 ELSE 0 END,
                NEW.auto_decided, COALESCE(NEW.working_days_used, 0), NEW.committed_days, NEW.statutory_days)
        ON CONFLICT (month, unit_id) DO UPDATE SET
            decided = decided + 1, approved = approved + excluded.approved, on_time = on_time + excluded.on_time,
            auto_decided = auto_decided + excluded.auto_decided, working_days_used = working_days_used + excluded.working_days_used,
            committed_days = committed_days + excluded.committed_days, statutory_days = statutory_days + excluded.statutory_days;
END;

-- An application the rules decide as it is filed (秒批) is inserted already decided.
CREATE TRIGGER service_figures_decided_on_filing AFTER INSERT ON service_applications
    WHEN NEW.decided_at IS NOT NULL
BEGIN
    INSERT INTO service_figures (month, unit_id, decided, approved, on_time, auto_decided, working_days_used, committed_days, statutory_days)
        VALUES (strftime('%Y-%m', NEW.decided_at, '+8 hours'), NEW.unit_id, 1,
                CASE WHEN NEW.state = 'Approved' THEN 1 ELSE 0 END,
                CASE WHEN NEW.committed_due IS NOT NULL AND date(NEW.decided_at, '+8 hours') <= NEW.committed_due THEN 1 ELSE 0 END,
                NEW.auto_decided, COALESCE(NEW.working_days_used, 0), NEW.committed_days, NEW.statutory_days)
        ON CONFLICT (month, unit_id) DO UPDATE SET
            decided = decided + 1, approved = approved + excluded.approved, on_time = on_time + excluded.on_time,
            auto_decided = auto_decided + excluded.auto_decided, working_days_used = working_days_used + excluded.working_days_used,
            committed_days = committed_days + excluded.committed_days, statutory_days = statutory_days + excluded.statutory_days;
END;

-- The applications already there (a database upgraded from version 25).
INSERT INTO service_figures (month, unit_id, received, window_visits)
    SELECT strftime('%Y-%m', received_at, '+8 hours'), unit_id, COUNT(*), SUM(CASE WHEN channel = 'Window' THEN 1 ELSE 0 END)
    FROM service_applications GROUP BY 1, 2;
INSERT INTO service_figures (month, unit_id, decided, approved, on_time, committed_days, statutory_days)
    SELECT strftime('%Y-%m', decided_at, '+8 hours'), unit_id, COUNT(*), SUM(CASE WHEN state = 'Approved' THEN 1 ELSE 0 END),
           SUM(CASE WHEN committed_due IS NOT NULL AND date(decided_at, '+8 hours') <= committed_due THEN 1 ELSE 0 END),
           SUM(committed_days), SUM(statutory_days)
    FROM service_applications WHERE decided_at IS NOT NULL GROUP BY 1, 2
    ON CONFLICT (month, unit_id) DO UPDATE SET decided = excluded.decided, approved = excluded.approved, on_time = excluded.on_time,
        committed_days = excluded.committed_days, statutory_days = excluded.statutory_days;
