-- Supervision: notices (reminders, urging, escalation) in each unit's or person's inbox, their e-mail and webhook
-- deliveries (retried until sent), the special supervision list, the daily runs and the lease that lets only one
-- web instance run at a time. notices.key is unique: the same reminder or urging is never sent twice, even when a
-- run is stopped half-way and started again, or two instances race.
CREATE TABLE notices (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL,
    kind TEXT NOT NULL,
    task_id INTEGER NULL REFERENCES tasks (id),
    recipient_unit_id INTEGER NULL REFERENCES units (id),
    recipient_person_id INTEGER NULL REFERENCES people (id),
    task_code TEXT NOT NULL DEFAULT '',
    task_title TEXT NOT NULL DEFAULT '',
    due_on TEXT NULL,
    working_days_late INTEGER NULL,
    message TEXT NULL,
    sender_id INTEGER NULL,
    sender_name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    read_at TEXT NULL,
    read_by_id INTEGER NULL
);
CREATE UNIQUE INDEX ux_notices_key ON notices (key);
CREATE INDEX ix_notices_unit ON notices (recipient_unit_id, id);
CREATE INDEX ix_notices_person ON notices (recipient_person_id, id);
CREATE INDEX ix_notices_task ON notices (task_id);

CREATE TABLE notice_deliveries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    notice_id INTEGER NOT NULL REFERENCES notices (id),
    channel TEXT NOT NULL,
    address TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_attempt_at TEXT NULL,
    last_error TEXT NULL,
    sent_at TEXT NULL
);
CREATE INDEX ix_notice_deliveries_notice ON notice_deliveries (notice_id);
-- Few deliveries wait at any time: the retry pass reads only those.
CREATE INDEX ix_notice_deliveries_pending ON notice_deliveries (id) WHERE sent_at IS NULL;

CREATE TABLE supervision_special_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id INTEGER NOT NULL REFERENCES tasks (id),
    added_on TEXT NOT NULL,
    working_days_late INTEGER NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_supervision_special_items_task ON supervision_special_items (task_id);

CREATE TABLE supervision_runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    run_on TEXT NOT NULL,
    holder TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT NULL,
    notices_created INTEGER NOT NULL DEFAULT 0,
    deliveries_sent INTEGER NOT NULL DEFAULT 0,
    deliveries_failed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_supervision_runs_run_on ON supervision_runs (run_on, finished_at);

CREATE TABLE supervision_leases (
    name TEXT NOT NULL PRIMARY KEY,
    holder TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
