-- Form fields and auto-approval (秒批): an item's application form is a JSON list of fields, versioned with the item;
-- an item's rules are lines of expressions (service_rule_sets, one row per item, each change of lines a row of
-- service_rule_set_versions); the rules' decision on an application, line by line, is a row of service_auto_decisions.
ALTER TABLE service_items ADD COLUMN form_fields TEXT NOT NULL DEFAULT '[]';

CREATE TABLE service_rule_sets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id INTEGER NOT NULL REFERENCES service_items (id),
    rule_version INTEGER NOT NULL,
    automation_on INTEGER NOT NULL DEFAULT 1,
    lines TEXT NOT NULL DEFAULT '[]',
    updated_by TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ix_service_rule_sets_item_id ON service_rule_sets (item_id);

CREATE TABLE service_rule_set_versions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id INTEGER NOT NULL REFERENCES service_items (id),
    rule_version INTEGER NOT NULL,
    lines TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
);
CREATE UNIQUE INDEX ix_service_rule_set_versions_item_id_rule_version ON service_rule_set_versions (item_id, rule_version);

CREATE TABLE service_auto_decisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id INTEGER NOT NULL REFERENCES service_applications (id),
    item_id INTEGER NOT NULL REFERENCES service_items (id),
    rule_version INTEGER NOT NULL,
    outcome TEXT NOT NULL,
    reason TEXT NOT NULL,
    lines TEXT NOT NULL,
    decided_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ix_service_auto_decisions_application_id ON service_auto_decisions (application_id);
