CREATE TABLE cards (id bigint PRIMARY KEY, pan bytea, purge_after timestamptz NOT NULL);
