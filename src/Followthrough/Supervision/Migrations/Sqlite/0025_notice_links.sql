-- A notice about another module's work (a service application past its committed limit, ...) points to that work's
-- page; a task's notice keeps pointing to its task (task_id), so link stays empty there.
ALTER TABLE notices ADD COLUMN link TEXT NULL;
