-- The keyed chain: each entry names the key (kept outside the database) whose HMAC-SHA256 is its hash. Entries
-- written before keying have none and are checked as plain SHA-256, as they were written.
ALTER TABLE audit_entries ADD COLUMN key_id TEXT NULL;
