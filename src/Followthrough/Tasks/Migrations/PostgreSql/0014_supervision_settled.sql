-- The tasks the daily supervision run has said everything to about their present due days (SettledTask): overdue with
-- the urging and every escalation sent (under the ladder named), and the overdue report urged. The run skips a task
-- whose row matches its due day, report day and the ladder in force, so a normal day reads the notice keys of the
-- tasks that changed or came due, not of the whole overdue backlog. Only a shortcut: deleting the rows loses nothing.
CREATE TABLE supervision_settled (
    task_id integer NOT NULL PRIMARY KEY REFERENCES tasks (id) ON DELETE CASCADE,
    due_on date NULL,
    ladder text NULL,
    report_due_on date NULL
);
