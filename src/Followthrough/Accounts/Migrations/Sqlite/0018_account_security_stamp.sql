-- A sign-in's security stamp: every session cookie carries the stamp it was issued with and is checked against it on
-- each request. Signing out, a password change or reset, a change of role or unit and an administrator's "end all
-- sessions" give the account a new stamp, which ends every session of that person at once. Existing accounts get a
-- random stamp now; cookies issued before this migration carry none and end at their next request.
ALTER TABLE accounts ADD COLUMN security_stamp TEXT NOT NULL DEFAULT '';
UPDATE accounts SET security_stamp = lower(hex(randomblob(16)));
