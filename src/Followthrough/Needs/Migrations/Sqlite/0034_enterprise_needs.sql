-- Enterprise needs (企业诉求): what an enterprise asks, the unit responsible for it now (首接负责), the lead unit that
-- answers it and its co-units, the time limit by category in working days, the answer and the callback. A unit's queue
-- reads ix_enterprise_needs_queue (the unit whose move it is, overdue first); the supervision run reads
-- ix_enterprise_needs_due; every step is a row of enterprise_need_steps.
CREATE TABLE enterprise_needs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    category TEXT NOT NULL,
    title TEXT NOT NULL,
    details TEXT NOT NULL,
    publish_consent INTEGER NOT NULL DEFAULT 0,
    channel TEXT NOT NULL,
    enterprise_person_id INTEGER NOT NULL REFERENCES people (id),
    enterprise_name TEXT NOT NULL,
    recorded_by_id INTEGER NULL,
    recorded_by TEXT NOT NULL,
    first_unit_id INTEGER NOT NULL REFERENCES units (id),
    responsible_unit_id INTEGER NOT NULL REFERENCES units (id),
    lead_unit_id INTEGER NULL REFERENCES units (id),
    holder_unit_id INTEGER NULL REFERENCES units (id),
    state TEXT NOT NULL,
    escalated INTEGER NOT NULL DEFAULT 0,
    limit_days INTEGER NOT NULL,
    clock_from TEXT NOT NULL,
    due_on TEXT NOT NULL,
    answer TEXT NULL,
    answered_at TEXT NULL,
    answered_on_time INTEGER NULL,
    satisfaction TEXT NULL,
    closed_at TEXT NULL,
    filed_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX ix_enterprise_needs_queue ON enterprise_needs (holder_unit_id, due_on, id);
CREATE INDEX ix_enterprise_needs_enterprise ON enterprise_needs (enterprise_person_id, id);
CREATE INDEX ix_enterprise_needs_due ON enterprise_needs (state, due_on, id);

CREATE TABLE enterprise_need_steps (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    need_id INTEGER NOT NULL REFERENCES enterprise_needs (id),
    step TEXT NOT NULL,
    state TEXT NOT NULL,
    unit_id INTEGER NULL REFERENCES units (id),
    satisfaction TEXT NULL,
    note TEXT NULL,
    taken_at TEXT NOT NULL,
    taken_by_id INTEGER NULL,
    taken_by TEXT NOT NULL
);
CREATE INDEX ix_enterprise_need_steps_need ON enterprise_need_steps (need_id, id);

CREATE TABLE enterprise_need_co_units (
    need_id INTEGER NOT NULL REFERENCES enterprise_needs (id),
    unit_id INTEGER NOT NULL REFERENCES units (id),
    PRIMARY KEY (need_id, unit_id)
);
CREATE INDEX ix_enterprise_need_co_units_unit ON enterprise_need_co_units (unit_id, need_id);
