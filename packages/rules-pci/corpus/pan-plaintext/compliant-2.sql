CREATE TABLE cards (id bigint PRIMARY KEY, pan bytea NOT NULL);
COMMENT ON COLUMN cards.pan IS '@pan @encrypted with the HSM data key';
