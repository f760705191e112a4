-- Ratings (好差评), second part: appeals and the monthly publication.
-- rating_appeals: a unit's appeal (申诉) against a rating it holds mistaken or malicious, and the supervision office's
-- decision; an upheld appeal takes the rating out of the figures (never out of the audit trail).
-- rating_publications: a month's figures as published on /public/ratings, a snapshot (JSON) that never changes.
-- ix_service_ratings_month_figures covers the month's count by unit, item and grade without reading the rows.
CREATE TABLE rating_appeals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    rating_id INTEGER NOT NULL REFERENCES service_ratings (id),
    unit_id INTEGER NOT NULL REFERENCES units (id),
    reason TEXT NOT NULL,
    evidence TEXT NOT NULL,
    filed_at TEXT NOT NULL,
    filed_by_id INTEGER NOT NULL REFERENCES people (id),
    outcome TEXT NOT NULL,
    decided_at TEXT NULL,
    decided_by_id INTEGER NULL REFERENCES people (id),
    decision_reason TEXT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX ix_rating_appeals_rating ON rating_appeals (rating_id);
CREATE INDEX ix_rating_appeals_open ON rating_appeals (outcome, id);

CREATE TABLE rating_publications (
    month TEXT NOT NULL PRIMARY KEY,
    published_at TEXT NOT NULL,
    published_by_id INTEGER NULL REFERENCES people (id),
    published_by TEXT NOT NULL,
    figures TEXT NOT NULL,
    sha256 TEXT NOT NULL
);

CREATE INDEX ix_service_ratings_month_figures ON service_ratings (rated_month, unit_id, item_id, grade);
