-- How often the directory's names have changed (units and people), counted by triggers on Organization's own tables,
-- so every writer moves it. Lists of other modules that show names (a unit's inbox) compare it before reusing a kept
-- answer. Until now Tasks' triggers of migration 0011 sat on these tables and counted into Tasks' table: a table's
-- triggers belong to its owner, so they are replaced here.
CREATE TABLE organization_revision (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    revision INTEGER NOT NULL
);
INSERT INTO organization_revision (id, revision) VALUES (1, 1);

DROP TRIGGER IF EXISTS task_unit_revisions_unit_added;
DROP TRIGGER IF EXISTS task_unit_revisions_unit_changed;
DROP TRIGGER IF EXISTS task_unit_revisions_unit_removed;
DROP TRIGGER IF EXISTS task_unit_revisions_person_added;
DROP TRIGGER IF EXISTS task_unit_revisions_person_changed;
DROP TRIGGER IF EXISTS task_unit_revisions_person_removed;

CREATE TRIGGER organization_revision_unit_added AFTER INSERT ON units BEGIN
    UPDATE organization_revision SET revision = revision + 1 WHERE id = 1;
END;
CREATE TRIGGER organization_revision_unit_changed AFTER UPDATE ON units BEGIN
    UPDATE organization_revision SET revision = revision + 1 WHERE id = 1;
END;
CREATE TRIGGER organization_revision_unit_removed AFTER DELETE ON units BEGIN
    UPDATE organization_revision SET revision = revision + 1 WHERE id = 1;
END;
CREATE TRIGGER organization_revision_person_added AFTER INSERT ON people BEGIN
    UPDATE organization_revision SET revision = revision + 1 WHERE id = 1;
END;
CREATE TRIGGER organization_revision_person_changed AFTER UPDATE ON people BEGIN
    UPDATE organization_revision SET revision = revision + 1 WHERE id = 1;
END;
CREATE TRIGGER organization_revision_person_removed AFTER DELETE ON people BEGIN
    UPDATE organization_revision SET revision = revision + 1 WHERE id = 1;
END;
