-- How often the directory's names have changed (units and people), counted by triggers on Organization's own tables,
-- so every writer moves it. Lists of other modules that show names (a unit's inbox) compare it before reusing a kept
-- answer. Until now Tasks' triggers of migration 0011 sat on these tables and counted into Tasks' table: a table's
-- triggers belong to its owner, so they are replaced here.
CREATE TABLE organization_revision (
    id integer PRIMARY KEY CHECK (id = 1),
    revision bigint NOT NULL
);
INSERT INTO organization_revision (id, revision) VALUES (1, 1);

DROP TRIGGER IF EXISTS task_unit_revisions_unit ON units;
DROP TRIGGER IF EXISTS task_unit_revisions_person ON people;

CREATE FUNCTION organization_revision_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE organization_revision SET revision = revision + 1 WHERE id = 1;
    RETURN NULL;
END $$;

CREATE TRIGGER organization_revision_unit AFTER INSERT OR UPDATE OR DELETE ON units
    FOR EACH STATEMENT EXECUTE FUNCTION organization_revision_bump();
CREATE TRIGGER organization_revision_person AFTER INSERT OR UPDATE OR DELETE ON people
    FOR EACH STATEMENT EXECUTE FUNCTION organization_revision_bump();
