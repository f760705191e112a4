-- A unit's inbox is served from memory while nothing it shows has changed. task_unit_revisions counts the changes to
-- the tasks each unit leads (with their tags and time nodes); the row with unit_id 0 counts changes to the names of
-- units and people, which every list shows. Triggers keep the counts, so every writer moves them: the web host, the
-- command line, bulk SQL and other instances on the same database.
CREATE TABLE task_unit_revisions (
    unit_id INTEGER PRIMARY KEY,
    revision INTEGER NOT NULL
);

CREATE TRIGGER task_unit_revisions_task_added AFTER INSERT ON tasks BEGIN
    INSERT INTO task_unit_revisions (unit_id, revision) VALUES (NEW.lead_unit_id, 1)
        ON CONFLICT (unit_id) DO UPDATE SET revision = task_unit_revisions.revision + 1;
END;

CREATE TRIGGER task_unit_revisions_task_changed AFTER UPDATE ON tasks BEGIN
    INSERT INTO task_unit_revisions (unit_id, revision) VALUES (NEW.lead_unit_id, 1)
        ON CONFLICT (unit_id) DO UPDATE SET revision = task_unit_revisions.revision + 1;
    INSERT INTO task_unit_revisions (unit_id, revision) SELECT OLD.lead_unit_id, 1 WHERE OLD.lead_unit_id <> NEW.lead_unit_id
        ON CONFLICT (unit_id) DO UPDATE SET revision = task_unit_revisions.revision + 1;
END;

CREATE TRIGGER task_unit_revisions_task_removed AFTER DELETE ON tasks BEGIN
    INSERT INTO task_unit_revisions (unit_id, revision) VALUES (OLD.lead_unit_id, 1)
        ON CONFLICT (unit_id) DO UPDATE SET revision = task_unit_revisions.revision + 1;
END;

CREATE TRIGGER task_unit_revisions_tag_added AFTER INSERT ON task_tags BEGIN
    INSERT INTO task_unit_revisions (unit_id, revision) SELECT lead_unit_id, 1 FROM tasks WHERE id = NEW.task_id
        ON CONFLICT (unit_id) DO UPDATE SET revision = task_unit_revisions.revision + 1;
END;

CREATE TRIGGER task_unit_revisions_tag_removed AFTER DELETE ON task_tags BEGIN
    INSERT INTO task_unit_revisions (unit_id, revision) SELECT lead_unit_id, 1 FROM tasks WHERE id = OLD.task_id
        ON CONFLICT (unit_id) DO UPDATE SET revision = task_unit_revisions.revision + 1;
END;

CREATE TRIGGER task_unit_revisions_node_added AFTER INSERT ON task_time_nodes BEGIN
    INSERT INTO task_unit_revisions (unit_id, revision) SELECT lead_unit_id, 1 FROM tasks WHERE id = NEW.task_id
        ON CONFLICT (unit_id) DO UPDATE SET revision = task_unit_revisions.revision + 1;
END;

CREATE TRIGGER task_unit_revisions_node_changed AFTER UPDATE ON task_time_nodes BEGIN
    INSERT INTO task_unit_revisions (unit_id, revision) SELECT lead_unit_id, 1 FROM tasks WHERE id IN (NEW.task_id, OLD.task_id)
        ON CONFLICT (unit_id) DO UPDATE SET revision = task_unit_revisions.revision + 1;
END;

CREATE TRIGGER task_unit_revisions_node_removed AFTER DELETE ON task_time_nodes BEGIN
    INSERT INTO task_unit_revisions (unit_id, revision) SELECT lead_unit_id, 1 FROM tasks WHERE id = OLD.task_id
        ON CONFLICT (unit_id) DO UPDATE SET revision = task_unit_revisions.revision + 1;
END;

CREATE TRIGGER task_unit_revisions_unit_added AFTER INSERT ON units BEGIN
    INSERT INTO task_unit_revisions (unit_id, revision) VALUES (0, 1)
        ON CONFLICT (unit_id) DO UPDATE SET revision = task_unit_revisions.revision + 1;
END;

CREATE TRIGGER task_unit_revisions_unit_changed AFTER UPDATE ON units BEGIN
    INSERT INTO task_unit_revisions (unit_id, revision) VALUES (0, 1)
        ON CONFLICT (unit_id) DO UPDATE SET revision = task_unit_revisions.revision + 1;
END;

CREATE TRIGGER task_unit_revisions_unit_removed AFTER DELETE ON units BEGIN
    INSERT INTO task_unit_revisions (unit_id, revision) VALUES (0, 1)
        ON CONFLICT (unit_id) DO UPDATE SET revision = task_unit_revisions.revision + 1;
END;

CREATE TRIGGER task_unit_revisions_person_added AFTER INSERT ON people BEGIN
    INSERT INTO task_unit_revisions (unit_id, revision) VALUES (0, 1)
        ON CONFLICT (unit_id) DO UPDATE SET revision = task_unit_revisions.revision + 1;
END;

CREATE TRIGGER task_unit_revisions_person_changed AFTER UPDATE ON people BEGIN
    INSERT INTO task_unit_revisions (unit_id, revision) VALUES (0, 1)
        ON CONFLICT (unit_id) DO UPDATE SET revision = task_unit_revisions.revision + 1;
END;

CREATE TRIGGER task_unit_revisions_person_removed AFTER DELETE ON people BEGIN
    INSERT INTO task_unit_revisions (unit_id, revision) VALUES (0, 1)
        ON CONFLICT (unit_id) DO UPDATE SET revision = task_unit_revisions.revision + 1;
END;
