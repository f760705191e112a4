-- The working-day calendar: imported national schedules (overriding the embedded dataset year by year) and
-- regional days. calendar_revision rises with every calendar change, so each web instance knows when to rebuild.
CREATE TABLE calendar_schedules (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    region TEXT NOT NULL,
    year INTEGER NOT NULL,
    source TEXT NOT NULL,
    file_name TEXT NULL,
    papers TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX ux_calendar_schedules_region_year ON calendar_schedules (region, year);

CREATE TABLE calendar_days (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    schedule_id INTEGER NOT NULL REFERENCES calendar_schedules (id),
    date TEXT NOT NULL,
    is_off_day INTEGER NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX ux_calendar_days_schedule_date ON calendar_days (schedule_id, date);

CREATE TABLE calendar_revision (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    revision INTEGER NOT NULL
);
INSERT INTO calendar_revision (id, revision) VALUES (1, 0);
