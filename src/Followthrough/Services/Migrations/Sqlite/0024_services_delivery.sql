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
