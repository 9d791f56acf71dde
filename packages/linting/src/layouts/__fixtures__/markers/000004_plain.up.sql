CREATE TABLE audit (id bigint PRIMARY KEY);
CREATE INDEX CONCURRENTLY users_email_name_idx ON users (email, name);
