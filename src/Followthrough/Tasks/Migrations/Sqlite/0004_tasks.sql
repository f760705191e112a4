-- Tasks: what is to be done, by whom, by when; their co-operating units, time nodes, tags, timeline, progress
-- reports, evidence files and extension requests. A task's origin (plan item, directive, ...) is a kind and a
-- reference without a foreign key: the source belongs to another module.
-- The hot lists (a unit's inbox, the supervisor's overdue board) filter on stored columns: state, lead unit,
-- next_due (the nearer of the deadline and the next time node, while running) and next_report_due.
CREATE TABLE tasks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code TEXT NOT NULL,
    parent_id INTEGER NULL REFERENCES tasks (id),
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    origin_kind TEXT NOT NULL,
    origin_id INTEGER NULL,
    origin_reference TEXT NULL,
    lead_leader_id INTEGER NULL REFERENCES people (id),
    lead_unit_id INTEGER NOT NULL REFERENCES units (id),
    responsible_person_id INTEGER NULL REFERENCES people (id),
    supervision_level TEXT NOT NULL,
    start_date TEXT NULL,
    deadline_kind TEXT NOT NULL,
    deadline_working_days INTEGER NULL,
    deadline TEXT NULL,
    deadline_provisional INTEGER NOT NULL DEFAULT 0,
    next_due TEXT NULL,
    reporting_cadence TEXT NOT NULL,
    next_report_due TEXT NULL,
    state TEXT NOT NULL,
    assigned_on TEXT NULL,
    sign_for_by TEXT NULL,
    signed_on TEXT NULL,
    completion_claimed_on TEXT NULL,
    closed_on TEXT NULL,
    percent INTEGER NOT NULL DEFAULT 0,
    last_report_on TEXT NULL,
    needs_rework INTEGER NOT NULL DEFAULT 0,
    extension_pending INTEGER NOT NULL DEFAULT 0,
    created_by_id INTEGER NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_tasks_code ON tasks (code);
-- next_due and next_report_due are null unless the task is running, so the overdue board is one range scan.
CREATE INDEX ix_tasks_next_due ON tasks (next_due);
CREATE INDEX ix_tasks_unit_next_due ON tasks (lead_unit_id, next_due);
CREATE INDEX ix_tasks_next_report_due ON tasks (next_report_due);
CREATE INDEX ix_tasks_unit_next_report_due ON tasks (lead_unit_id, next_report_due);
CREATE INDEX ix_tasks_unit_state ON tasks (lead_unit_id, state);
-- By state, and within "completion claimed" by claim date: the board lists the oldest claims first.
CREATE INDEX ix_tasks_state ON tasks (state, completion_claimed_on, id);
-- Few tasks wait for an extension decision at any time: a partial index holds only those.
CREATE INDEX ix_tasks_extension_pending ON tasks (id) WHERE extension_pending;
CREATE INDEX ix_tasks_parent ON tasks (parent_id);
CREATE INDEX ix_tasks_leader_state ON tasks (lead_leader_id, state);
CREATE INDEX ix_tasks_origin ON tasks (origin_kind, origin_id);

CREATE TABLE task_partners (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id INTEGER NOT NULL REFERENCES tasks (id),
    unit_id INTEGER NOT NULL REFERENCES units (id),
    part TEXT NOT NULL DEFAULT '',
    sub_task_id INTEGER NULL REFERENCES tasks (id)
);
CREATE UNIQUE INDEX ux_task_partners_task_unit ON task_partners (task_id, unit_id);
CREATE INDEX ix_task_partners_unit ON task_partners (unit_id, task_id);

CREATE TABLE task_time_nodes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id INTEGER NOT NULL REFERENCES tasks (id),
    title TEXT NOT NULL,
    due_on TEXT NOT NULL,
    reached_on TEXT NULL
);
CREATE INDEX ix_task_time_nodes_task ON task_time_nodes (task_id);
CREATE INDEX ix_task_time_nodes_due ON task_time_nodes (due_on, task_id);

CREATE TABLE task_tags (
    task_id INTEGER NOT NULL REFERENCES tasks (id),
    tag TEXT NOT NULL,
    PRIMARY KEY (task_id, tag)
);
CREATE INDEX ix_task_tags_tag ON task_tags (tag, task_id);

CREATE TABLE task_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id INTEGER NOT NULL REFERENCES tasks (id),
    occurred_at TEXT NOT NULL,
    actor_id INTEGER NULL,
    actor_name TEXT NOT NULL,
    action TEXT NOT NULL,
    from_state TEXT NULL,
    to_state TEXT NULL,
    comment TEXT NULL,
    details TEXT NULL
);
CREATE INDEX ix_task_events_task ON task_events (task_id, id);

CREATE TABLE progress_reports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id INTEGER NOT NULL REFERENCES tasks (id),
    reported_on TEXT NOT NULL,
    reported_at TEXT NOT NULL,
    reported_by_id INTEGER NULL,
    reported_by_name TEXT NOT NULL,
    percent INTEGER NOT NULL,
    percent_note TEXT NULL,
    done TEXT NOT NULL DEFAULT '',
    next_steps TEXT NOT NULL DEFAULT '',
    difficulties TEXT NOT NULL DEFAULT '',
    support_needed TEXT NOT NULL DEFAULT '',
    claims_completion INTEGER NOT NULL DEFAULT 0,
    reached_time_node_id INTEGER NULL REFERENCES task_time_nodes (id),
    returned_at TEXT NULL,
    returned_by_name TEXT NULL,
    return_reason TEXT NULL
);
CREATE INDEX ix_progress_reports_task ON progress_reports (task_id, id);

CREATE TABLE evidence_files (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id INTEGER NOT NULL REFERENCES tasks (id),
    report_id INTEGER NOT NULL REFERENCES progress_reports (id),
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    uploaded_at TEXT NOT NULL
);
CREATE INDEX ix_evidence_files_report ON evidence_files (report_id);
CREATE INDEX ix_evidence_files_task ON evidence_files (task_id);
CREATE INDEX ix_evidence_files_sha256 ON evidence_files (sha256);

CREATE TABLE extension_requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id INTEGER NOT NULL REFERENCES tasks (id),
    previous_deadline TEXT NULL,
    requested_deadline TEXT NOT NULL,
    reason TEXT NOT NULL,
    requested_at TEXT NOT NULL,
    requested_by_name TEXT NOT NULL,
    decision TEXT NOT NULL,
    granted_deadline TEXT NULL,
    decided_at TEXT NULL,
    decided_by_name TEXT NULL,
    decision_comment TEXT NULL
);
CREATE INDEX ix_extension_requests_task ON extension_requests (task_id, id);
