-- Plans and indicators: the Five-Year Plan as an outline of items with measured targets and reported actuals.
CREATE TABLE plans (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code TEXT NOT NULL,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    level TEXT NOT NULL,
    owner_unit_id INTEGER NOT NULL REFERENCES units (id),
    start_year INTEGER NOT NULL,
    end_year INTEGER NOT NULL,
    vision_year INTEGER NULL,
    status TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_plans_code ON plans (code);

CREATE TABLE plan_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_id INTEGER NOT NULL REFERENCES plans (id),
    parent_id INTEGER NULL REFERENCES plan_items (id),
    code TEXT NOT NULL,
    kind TEXT NOT NULL,
    position INTEGER NOT NULL,
    text_zh TEXT NOT NULL,
    text_en TEXT NOT NULL DEFAULT '',
    lead_unit_id INTEGER NULL REFERENCES units (id),
    weight TEXT NOT NULL DEFAULT '1',
    implements_item_id INTEGER NULL REFERENCES plan_items (id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_plan_items_code ON plan_items (plan_id, code);
CREATE INDEX ix_plan_items_parent ON plan_items (parent_id);
CREATE INDEX ix_plan_items_implements ON plan_items (implements_item_id);
CREATE INDEX ix_plan_items_lead_unit ON plan_items (lead_unit_id);

CREATE TABLE plan_item_partners (
    plan_item_id INTEGER NOT NULL REFERENCES plan_items (id),
    unit_id INTEGER NOT NULL REFERENCES units (id),
    PRIMARY KEY (plan_item_id, unit_id)
);
CREATE INDEX ix_plan_item_partners_unit ON plan_item_partners (unit_id);

CREATE TABLE indicators (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_id INTEGER NOT NULL REFERENCES plans (id),
    plan_item_id INTEGER NOT NULL REFERENCES plan_items (id),
    code TEXT NOT NULL,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL DEFAULT '',
    measure_zh TEXT NOT NULL,
    measure_en TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL,
    nature TEXT NOT NULL,
    direction TEXT NOT NULL,
    baseline_year INTEGER NOT NULL,
    baseline_value TEXT NOT NULL,
    period_target TEXT NOT NULL,
    period_target_upper TEXT NULL,
    vision_target TEXT NULL,
    vision_target_upper TEXT NULL,
    reporting_unit_id INTEGER NOT NULL REFERENCES units (id),
    frequency TEXT NOT NULL,
    is_illustrative INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_indicators_code ON indicators (plan_id, code);
CREATE INDEX ix_indicators_item ON indicators (plan_item_id);
CREATE INDEX ix_indicators_reporting_unit ON indicators (reporting_unit_id);

CREATE TABLE indicator_targets (
    indicator_id INTEGER NOT NULL REFERENCES indicators (id),
    year INTEGER NOT NULL,
    value TEXT NOT NULL,
    upper_value TEXT NULL,
    PRIMARY KEY (indicator_id, year)
);

CREATE TABLE indicator_evidence (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    uploaded_at TEXT NOT NULL,
    uploaded_by_id INTEGER NULL REFERENCES people (id),
    uploaded_by_name TEXT NOT NULL
);
CREATE INDEX ix_indicator_evidence_sha256 ON indicator_evidence (sha256);

-- Values are never updated: a correction is a new row that supersedes the earlier one. Each period has one first
-- report and one chain of corrections; the two partial unique indexes keep it that way under concurrent writers.
CREATE TABLE indicator_values (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    indicator_id INTEGER NOT NULL REFERENCES indicators (id),
    year INTEGER NOT NULL,
    sub_period INTEGER NOT NULL DEFAULT 0,
    value TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    evidence_id INTEGER NULL REFERENCES indicator_evidence (id),
    supersedes_id INTEGER NULL REFERENCES indicator_values (id),
    reported_by_id INTEGER NULL REFERENCES people (id),
    reported_by_name TEXT NOT NULL,
    reported_at TEXT NOT NULL,
    source TEXT NOT NULL
);
CREATE INDEX ix_indicator_values_period ON indicator_values (indicator_id, year, sub_period);
CREATE UNIQUE INDEX ux_indicator_values_first ON indicator_values (indicator_id, year, sub_period) WHERE supersedes_id IS NULL;
CREATE UNIQUE INDEX ux_indicator_values_supersedes ON indicator_values (supersedes_id) WHERE supersedes_id IS NOT NULL;
CREATE TRIGGER indicator_values_no_update BEFORE UPDATE ON indicator_values
BEGIN SELECT RAISE(ABORT, 'indicator values are never changed: record a correction instead'); END;

CREATE TABLE plan_imports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_id INTEGER NOT NULL REFERENCES plans (id),
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    items_created INTEGER NOT NULL,
    items_updated INTEGER NOT NULL,
    indicators_created INTEGER NOT NULL,
    indicators_updated INTEGER NOT NULL,
    values_recorded INTEGER NOT NULL,
    imported_at TEXT NOT NULL,
    imported_by_id INTEGER NULL REFERENCES people (id),
    imported_by_name TEXT NOT NULL
);
CREATE INDEX ix_plan_imports_plan ON plan_imports (plan_id);
