-- Applications (办件): each filed against one item and the version of it the applicant saw, with its state, its
-- legal clock (committed and statutory due dates, set on acceptance) and the reasons of each step; every step is a row
-- of service_application_steps. A unit's queue reads ix_service_applications_queue.
CREATE TABLE service_applications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id INTEGER NOT NULL REFERENCES service_items (id),
    item_version INTEGER NOT NULL,
    item_code TEXT NOT NULL,
    item_name_zh TEXT NOT NULL,
    item_name_en TEXT NOT NULL,
    unit_id INTEGER NOT NULL REFERENCES units (id),
    applicant_id INTEGER NOT NULL REFERENCES people (id),
    channel TEXT NOT NULL,
    answers TEXT NOT NULL DEFAULT '{}',
    state TEXT NOT NULL,
    received_at TEXT NOT NULL,
    committed_days INTEGER NOT NULL,
    statutory_days INTEGER NOT NULL,
    accepted_on TEXT NULL,
    committed_due TEXT NULL,
    statutory_due TEXT NULL,
    reason TEXT NULL,
    legal_basis TEXT NULL,
    missing TEXT NULL,
    decided_at TEXT NULL,
    delivered_at TEXT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX ix_service_applications_queue ON service_applications (unit_id, state, committed_due);
CREATE INDEX ix_service_applications_applicant ON service_applications (applicant_id, id);

CREATE TABLE service_application_steps (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id INTEGER NOT NULL REFERENCES service_applications (id),
    step TEXT NOT NULL,
    state TEXT NOT NULL,
    note TEXT NULL,
    taken_at TEXT NOT NULL,
    taken_by_id INTEGER NULL,
    taken_by TEXT NOT NULL
);
CREATE INDEX ix_service_application_steps_application_id_id ON service_application_steps (application_id, id);
