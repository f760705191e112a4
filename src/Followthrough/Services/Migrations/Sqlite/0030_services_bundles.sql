-- "One thing, one time" (一件事一次办): a bundle of catalogue items for one life event, filed with one form and one set
-- of materials. service_bundles holds the bundle as published (its items' ids, in order, as a JSON list);
-- service_bundle_applications one filing by an applicant, and service_bundle_parts the ordinary application filed for
-- each item of it, which its unit handles in its own queue under its own clock.
CREATE TABLE service_bundles (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code TEXT NOT NULL,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    life_event TEXT NOT NULL,
    description_zh TEXT NOT NULL DEFAULT '',
    description_en TEXT NOT NULL DEFAULT '',
    item_ids TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ix_service_bundles_code ON service_bundles (code);

CREATE TABLE service_bundle_applications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    bundle_id INTEGER NOT NULL REFERENCES service_bundles (id),
    bundle_code TEXT NOT NULL,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    applicant_id INTEGER NOT NULL REFERENCES people (id),
    filed_at TEXT NOT NULL
);
CREATE INDEX ix_service_bundle_applications_applicant ON service_bundle_applications (applicant_id, id);

CREATE TABLE service_bundle_parts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    bundle_application_id INTEGER NOT NULL REFERENCES service_bundle_applications (id),
    application_id INTEGER NOT NULL REFERENCES service_applications (id),
    position INTEGER NOT NULL
);
CREATE UNIQUE INDEX ix_service_bundle_parts_application ON service_bundle_parts (application_id);
CREATE INDEX ix_service_bundle_parts_bundle ON service_bundle_parts (bundle_application_id, position);
