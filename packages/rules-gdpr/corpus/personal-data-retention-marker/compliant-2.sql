CREATE TABLE leads (id bigint PRIMARY KEY, phone_number bytea, expires_at timestamptz NOT NULL);
