-- The service catalogue (事项清单): each item as it stands now, and every version of it as saved (an application
-- keeps the version it was filed under). Search is FTS5 with the trigram tokenizer over service_items.search_text
-- (code and both names in lower case), kept in step by triggers; it finds any substring of 3 characters or more in
-- Chinese or English. Shorter queries use LIKE on the same column.
CREATE TABLE service_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code TEXT NOT NULL,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    unit_id INTEGER NOT NULL REFERENCES units (id),
    kind TEXT NOT NULL,
    legal_basis TEXT NOT NULL DEFAULT '',
    statutory_days INTEGER NOT NULL,
    committed_days INTEGER NOT NULL,
    level TEXT NOT NULL,
    visits INTEGER NOT NULL,
    materials TEXT NOT NULL DEFAULT '[]',
    fee TEXT NOT NULL DEFAULT '0',
    life_events TEXT NOT NULL DEFAULT '',
    auto_decidable INTEGER NOT NULL DEFAULT 0,
    withdrawn INTEGER NOT NULL DEFAULT 0,
    withdrawn_reason TEXT NULL,
    search_text TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ix_service_items_code ON service_items (code);
CREATE INDEX ix_service_items_unit ON service_items (unit_id, level);

CREATE TABLE service_item_versions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id INTEGER NOT NULL REFERENCES service_items (id),
    version INTEGER NOT NULL,
    change TEXT NOT NULL,
    snapshot TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
);
CREATE UNIQUE INDEX ix_service_item_versions_item_id_version ON service_item_versions (item_id, version);

CREATE VIRTUAL TABLE service_items_search USING fts5(
    search_text, content='service_items', content_rowid='id', tokenize='trigram');

CREATE TRIGGER service_items_search_added AFTER INSERT ON service_items BEGIN
    INSERT INTO service_items_search (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER service_items_search_changed AFTER UPDATE OF search_text ON service_items BEGIN
    INSERT INTO service_items_search (service_items_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
    INSERT INTO service_items_search (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER service_items_search_removed AFTER DELETE ON service_items BEGIN
    INSERT INTO service_items_search (service_items_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;
