-- Risky: rewrites the table under an ACCESS EXCLUSIVE lock.
ALTER TABLE projects ALTER COLUMN title TYPE varchar(200);
ALTER TABLE users ADD COLUMN last_seen_at timestamp DEFAULT clock_timestamp();
ALTER TABLE users ADD CONSTRAINT users_display_name_check CHECK (length(display_name) > 0);
