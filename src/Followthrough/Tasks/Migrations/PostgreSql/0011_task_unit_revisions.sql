-- A unit's inbox is served from memory while nothing it shows has changed. task_unit_revisions counts the changes to
-- the tasks each unit leads (with their tags and time nodes); the row with unit_id 0 counts changes to the names of
-- units and people, which every list shows. Triggers keep the counts, so every writer moves them: the web host, the
-- command line, bulk SQL and other instances on the same database.
CREATE TABLE task_unit_revisions (
    unit_id integer PRIMARY KEY,
    revision bigint NOT NULL
);

CREATE FUNCTION task_unit_revisions_bump(unit integer) RETURNS void LANGUAGE sql AS $$
    INSERT INTO task_unit_revisions (unit_id, revision) VALUES (unit, 1)
        ON CONFLICT (unit_id) DO UPDATE SET revision = task_unit_revisions.revision + 1;
$$;

CREATE FUNCTION task_unit_revisions_of_task() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'DELETE' THEN
        PERFORM task_unit_revisions_bump(NEW.lead_unit_id);
    END IF;
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.lead_unit_id <> NEW.lead_unit_id) THEN
        PERFORM task_unit_revisions_bump(OLD.lead_unit_id);
    END IF;
    RETURN NULL;
END;
$$;

-- Tags and time nodes: the unit that leads their task (the task may already be gone when a cascade removes them).
CREATE FUNCTION task_unit_revisions_of_child() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM task_unit_revisions_bump(t.lead_unit_id) FROM tasks t
        WHERE t.id IN (CASE WHEN TG_OP = 'DELETE' THEN OLD.task_id ELSE NEW.task_id END,
                       CASE WHEN TG_OP = 'INSERT' THEN NEW.task_id ELSE OLD.task_id END);
    RETURN NULL;
END;
$$;

CREATE FUNCTION task_unit_revisions_of_names() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM task_unit_revisions_bump(0);
    RETURN NULL;
END;
$$;

CREATE TRIGGER task_unit_revisions_task AFTER INSERT OR UPDATE OR DELETE ON tasks
    FOR EACH ROW EXECUTE FUNCTION task_unit_revisions_of_task();
CREATE TRIGGER task_unit_revisions_tag AFTER INSERT OR DELETE ON task_tags
    FOR EACH ROW EXECUTE FUNCTION task_unit_revisions_of_child();
CREATE TRIGGER task_unit_revisions_node AFTER INSERT OR UPDATE OR DELETE ON task_time_nodes
    FOR EACH ROW EXECUTE FUNCTION task_unit_revisions_of_child();
CREATE TRIGGER task_unit_revisions_unit AFTER INSERT OR UPDATE OR DELETE ON units
    FOR EACH STATEMENT EXECUTE FUNCTION task_unit_revisions_of_names();
CREATE TRIGGER task_unit_revisions_person AFTER INSERT OR UPDATE OR DELETE ON people
    FOR EACH STATEMENT EXECUTE FUNCTION task_unit_revisions_of_names();
