-- Source documents (meeting records, speeches, reports, plan texts) and the directives drafted from them, which
-- the supervision office reviews and turns into tasks. The original file is on disk (documents/ab/<sha256>); the
-- text the extractor read is here, and candidates point into it by UTF-16 offsets.
CREATE TABLE source_documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    document_date TEXT NOT NULL,
    issuing_body TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL,
    text TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    uploaded_by_id INTEGER NULL REFERENCES people (id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX ix_source_documents_date ON source_documents (document_date, id);

CREATE TABLE directive_candidates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id INTEGER NOT NULL REFERENCES source_documents (id),
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    text TEXT NOT NULL,
    actors TEXT NOT NULL DEFAULT '',
    deadline_text TEXT NULL,
    deadline_start INTEGER NULL,
    deadline_end INTEGER NULL,
    deadline TEXT NULL,
    topics TEXT NOT NULL DEFAULT '',
    suggested_plan_item_id INTEGER NULL,
    status TEXT NOT NULL,
    lead_unit_id INTEGER NULL REFERENCES units (id),
    partner_unit_ids TEXT NOT NULL DEFAULT '',
    plan_item_id INTEGER NULL,
    task_id INTEGER NULL REFERENCES tasks (id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
-- The review page pages through a document's candidates in text order.
CREATE INDEX ix_directive_candidates_document ON directive_candidates (document_id, start_offset);
CREATE INDEX ix_directive_candidates_task ON directive_candidates (task_id);
