-- Evaluation and bulletins (考核/通报): the supervision office's quality score per unit and period, and its reward or
-- accountability notes. The bulletin's figures are computed from tasks; nothing about them is stored.
CREATE TABLE evaluation_scores (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id INTEGER NOT NULL REFERENCES units (id),
    period TEXT NOT NULL,
    score INTEGER NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    entered_by_id INTEGER NULL,
    entered_by_name TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_evaluation_scores_unit_period ON evaluation_scores (unit_id, period);
CREATE INDEX ix_evaluation_scores_period ON evaluation_scores (period);

CREATE TABLE evaluation_notes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    unit_id INTEGER NOT NULL REFERENCES units (id),
    period TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    recorded_by_id INTEGER NULL,
    recorded_by_name TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX ix_evaluation_notes_period ON evaluation_notes (period, unit_id);

-- A bulletin reads every task due in its period, grouped by lead unit: this index holds all it needs, so a quarter
-- over a million tasks is one range scan of the index without touching the table.
CREATE INDEX ix_evaluation_tasks_deadline ON tasks (deadline, lead_unit_id, state, completion_claimed_on, closed_on);
