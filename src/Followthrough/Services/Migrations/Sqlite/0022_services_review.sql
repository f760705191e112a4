-- The application's workflow after filing: who in a unit is a window officer (窗口人员) or an approver (审批人),
-- the pauses that do not count against an application's clock (Art. 45), its extension (Art. 42) and an acceptance
-- on the applicant's promise to supply missing materials (容缺受理), allowed per item version.
CREATE TABLE service_duties (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id INTEGER NOT NULL REFERENCES units (id),
    person_id INTEGER NOT NULL REFERENCES people (id),
    duty TEXT NOT NULL,
    assigned_at TEXT NOT NULL,
    assigned_by TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_service_duties_unit_person_duty ON service_duties (unit_id, person_id, duty);
CREATE INDEX ix_service_duties_person_id ON service_duties (person_id);

CREATE TABLE service_application_pauses (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id INTEGER NOT NULL REFERENCES service_applications (id),
    kind TEXT NOT NULL,
    reason TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);
CREATE INDEX ix_service_application_pauses_application_id ON service_application_pauses (application_id);

ALTER TABLE service_applications ADD COLUMN extension_days INTEGER NOT NULL DEFAULT 0;
ALTER TABLE service_applications ADD COLUMN extension_requested TEXT NULL;
ALTER TABLE service_applications ADD COLUMN promised TEXT NULL;
ALTER TABLE service_applications ADD COLUMN promised_by TEXT NULL;
ALTER TABLE service_applications ADD COLUMN promise_kept_at TEXT NULL;

ALTER TABLE service_items ADD COLUMN accepts_on_promise INTEGER NOT NULL DEFAULT 0;
