-- Citizen ratings (好差评, GB/T 39734-2020): one rating per decided application (一事一评), belonging to its item, unit and
-- the officer who decided it; a bad rating (the two dissatisfied grades) opens a rectification case, whose work runs as a
-- task of the unit (origin CitizenRating) and whose steps — verified, rectified with a reply, called back, the rater's
-- grade of the fix — are kept in rating_rectifications. Figures read ix_service_ratings_unit_month and _item_month.
CREATE TABLE service_ratings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id INTEGER NOT NULL REFERENCES service_applications (id),
    item_id INTEGER NOT NULL,
    item_code TEXT NOT NULL,
    unit_id INTEGER NOT NULL REFERENCES units (id),
    officer_id INTEGER NULL REFERENCES people (id),
    rater_id INTEGER NOT NULL REFERENCES people (id),
    real_name INTEGER NOT NULL DEFAULT 1,
    channel TEXT NOT NULL,
    grade TEXT NOT NULL,
    reasons TEXT NOT NULL DEFAULT '',
    comment TEXT NULL,
    comment_review TEXT NOT NULL DEFAULT 'NotReviewed',
    rated_at TEXT NOT NULL,
    rated_month TEXT NOT NULL,
    recorded_by_id INTEGER NULL REFERENCES people (id),
    version INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX ux_service_ratings_application ON service_ratings (application_id);
CREATE INDEX ix_service_ratings_unit_month ON service_ratings (unit_id, rated_month);
CREATE INDEX ix_service_ratings_item_month ON service_ratings (item_id, rated_month);

CREATE TABLE rating_rectifications (
    rating_id INTEGER PRIMARY KEY REFERENCES service_ratings (id),
    task_id INTEGER NOT NULL REFERENCES tasks (id),
    unit_id INTEGER NOT NULL REFERENCES units (id),
    due_on TEXT NOT NULL,
    state TEXT NOT NULL,
    verified_at TEXT NULL,
    verified_note TEXT NULL,
    rectified_at TEXT NULL,
    rectification_note TEXT NULL,
    reply_to_rater TEXT NULL,
    replied_at TEXT NULL,
    called_back_at TEXT NULL,
    callback_reached INTEGER NULL,
    callback_note TEXT NULL,
    fix_grade TEXT NULL,
    fix_rated_at TEXT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ix_rating_rectifications_unit ON rating_rectifications (unit_id, state, due_on);
