-- The daily supervision run reads the applications whose clock runs by their committed due date across every unit
-- (Services' ISupervisedWork), a page at a time in (committed_due, id) order.
CREATE INDEX ix_service_applications_due ON service_applications (state, committed_due, id);

-- What a decision used of the clock (working days from acceptance to decision, pauses not counted) and whether rules
-- decided it with no human step (秒批): written once, with the decision.
ALTER TABLE service_applications ADD COLUMN working_days_used integer NULL;
ALTER TABLE service_applications ADD COLUMN auto_decided boolean NOT NULL DEFAULT false;

-- The monthly service figures per unit (months in China time), kept by triggers as applications are filed and
-- decided, so a month's figures read a few rows whatever the number of applications: received (and of them filed at a
-- window: one visit each), decided (approved, on time, decided by rules), and the sums of working days used and of the
-- committed and statutory limits of what was decided, for the averages.
CREATE TABLE service_figures (
    month text NOT NULL,
    unit_id integer NOT NULL,
    received integer NOT NULL DEFAULT 0,
    window_visits integer NOT NULL DEFAULT 0,
    decided integer NOT NULL DEFAULT 0,
    approved integer NOT NULL DEFAULT 0,
    on_time integer NOT NULL DEFAULT 0,
    auto_decided integer NOT NULL DEFAULT 0,
    working_days_used bigint NOT NULL DEFAULT 0,
    committed_days bigint NOT NULL DEFAULT 0,
    statutory_days bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (month, unit_id)
);

CREATE FUNCTION service_figures_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO service_figures (month, unit_id, received, window_visits)
            VALUES (to_char(NEW.received_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), NEW.unit_id, 1,
                    CASE WHEN NEW.channel = 'Window' THEN 1 ELSE 0 END)
            ON CONFLICT (month, unit_id) DO UPDATE SET received = service_figures.received + 1,
                window_visits = service_figures.window_visits + EXCLUDED.window_visits;
    END IF;
    -- decided now: by a person (an update), or by the rules as it is filed (秒批: inserted already decided)
    IF NEW.decided_at IS NOT NULL AND (TG_OP = 'INSERT' OR OLD.decided_at IS NULL) THEN
        INSERT INTO service_figures (month, unit_id, decided, approved, on_time, auto_decided, working_days_used, committed_days, statutory_days)
            VALUES (to_char(NEW.decided_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), NEW.unit_id, 1,
                    CASE WHEN NEW.state = 'Approved' THEN 1 ELSE 0 END,
                    CASE WHEN NEW.committed_due IS NOT NULL AND (NEW.decided_at AT TIME ZONE 'Asia/Shanghai')::date <= NEW.committed_due THEN 1 ELSE 0 END,
                    CASE WHEN NEW.auto_decided THEN 1 ELSE 0 END, COALESCE(NEW.working_days_used, 0), NEW.committed_days, NEW.statutory_days)
            ON CONFLICT (month, unit_id) DO UPDATE SET
                decided = service_figures.decided + 1, approved = service_figures.approved + EXCLUDED.approved,
                on_time = service_figures.on_time + EXCLUDED.on_time, auto_decided = service_figures.auto_decided + EXCLUDED.auto_decided,
                working_days_used = service_figures.working_days_used + EXCLUDED.working_days_used,
                committed_days = service_figures.committed_days + EXCLUDED.committed_days,
                statutory_days = service_figures.statutory_days + EXCLUDED.statutory_days;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER service_figures_received AFTER INSERT ON service_applications
    FOR EACH ROW EXECUTE FUNCTION service_figures_count();
CREATE TRIGGER service_figures_decided AFTER UPDATE OF decided_at ON service_applications
    FOR EACH ROW EXECUTE FUNCTION service_figures_count();

-- The applications already there (a database upgraded from version 25).
INSERT INTO service_figures (month, unit_id, received, window_visits)
    SELECT to_char(received_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), unit_id, COUNT(*), SUM(CASE WHEN channel = 'Window' THEN 1 ELSE 0 END)
    FROM service_applications GROUP BY 1, 2;
INSERT INTO service_figures (month, unit_id, decided, approved, on_time, committed_days, statutory_days)
    SELECT to_char(decided_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), unit_id, COUNT(*), SUM(CASE WHEN state = 'Approved' THEN 1 ELSE 0 END),
           SUM(CASE WHEN committed_due IS NOT NULL AND (decided_at AT TIME ZONE 'Asia/Shanghai')::date <= committed_due THEN 1 ELSE 0 END),
           SUM(committed_days), SUM(statutory_days)
    FROM service_applications WHERE decided_at IS NOT NULL GROUP BY 1, 2
    ON CONFLICT (month, unit_id) DO UPDATE SET decided = EXCLUDED.decided, approved = EXCLUDED.approved, on_time = EXCLUDED.on_time,
        committed_days = EXCLUDED.committed_days, statutory_days = EXCLUDED.statutory_days;
