CREATE TABLE leads (id bigint PRIMARY KEY, phone_number bytea, created_at timestamptz); -- expect: personal-data-retention-marker
