-- No-meeting delivery (不见面): the decision document of each decided application, issued once, with the code the public
-- verifies it by and the hash of the PDF as delivered; the materials an applicant uploaded once and reuses
-- (service_materials, the file itself in the data folder by its SHA-256) and which of them went with which application.
CREATE TABLE service_decision_documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id INTEGER NOT NULL REFERENCES service_applications (id),
    document_number TEXT NOT NULL,
    verification_code TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    content BLOB NOT NULL,
    approved INTEGER NOT NULL,
    item_code TEXT NOT NULL,
    item_name_zh TEXT NOT NULL,
    item_name_en TEXT NOT NULL,
    unit_name_zh TEXT NOT NULL,
    unit_name_en TEXT NOT NULL,
    applicant_name TEXT NOT NULL,
    decided_on TEXT NOT NULL,
    issued_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_service_decision_documents_application ON service_decision_documents (application_id);
CREATE UNIQUE INDEX ux_service_decision_documents_code ON service_decision_documents (verification_code);

CREATE TABLE service_material_files (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    applicant_id INTEGER NOT NULL REFERENCES people (id),
    name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    uploaded_at TEXT NOT NULL
);
CREATE INDEX ix_service_material_files_applicant ON service_material_files (applicant_id, id);

CREATE TABLE service_application_materials (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id INTEGER NOT NULL REFERENCES service_applications (id),
    position INTEGER NOT NULL,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    file_id INTEGER NULL REFERENCES service_material_files (id),
    by_licence INTEGER NOT NULL
);
CREATE INDEX ix_service_application_materials_application ON service_application_materials (application_id, position);
CREATE INDEX ix_service_application_materials_file ON service_application_materials (file_id);
