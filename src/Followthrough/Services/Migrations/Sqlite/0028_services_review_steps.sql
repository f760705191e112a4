-- Review steps (审查环节): an item version may list steps between acceptance and decision, each with its own time
-- limit in working days and the duty that completes it (window officer, reviewer 审核人 or approver); an application
-- copies its version's steps on acceptance and records, per step, when it started, its due date and who completed it.
ALTER TABLE service_items ADD COLUMN review_steps TEXT NOT NULL DEFAULT '[]';

CREATE TABLE service_application_reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id INTEGER NOT NULL REFERENCES service_applications (id),
    number INTEGER NOT NULL,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    days INTEGER NOT NULL,
    duty TEXT NOT NULL,
    started_on TEXT NULL,
    due_on TEXT NULL,
    completed_at TEXT NULL,
    completed_by_id INTEGER NULL,
    completed_by TEXT NULL,
    note TEXT NULL
);
CREATE UNIQUE INDEX ux_service_application_reviews_application_number ON service_application_reviews (application_id, number);
CREATE INDEX ix_service_application_reviews_due ON service_application_reviews (due_on) WHERE completed_at IS NULL AND started_on IS NOT NULL;

-- The number of the step under way (0: none, or all done), which also makes completing a step a new version of the application.
ALTER TABLE service_applications ADD COLUMN current_review INTEGER NOT NULL DEFAULT 0;
