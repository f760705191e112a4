-- A person's standing on their sign-in: the name, role, unit and whether they are active, as Organization last told
-- Accounts through its IPersonSignIns seam (in the same transaction as the change to the person). The check behind
-- every signed-in request (an API token, a session cookie) then reads one row of Accounts' own tables instead of a
-- second read of Organization's. The columns stay empty for sign-ins that existed before this migration: a migration
-- may not read another module's table, so Accounts fills them through Organization's directory after migrating
-- (AccountStandings), and until then the checks ask Organization's PersonLookup, as they did before.
ALTER TABLE accounts ADD COLUMN person_name_zh TEXT NULL;
ALTER TABLE accounts ADD COLUMN person_role TEXT NULL;
ALTER TABLE accounts ADD COLUMN person_unit_id INTEGER NULL;
ALTER TABLE accounts ADD COLUMN person_is_active INTEGER NULL;
