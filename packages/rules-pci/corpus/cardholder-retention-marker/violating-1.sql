CREATE TABLE cards (id bigint PRIMARY KEY, pan bytea); -- expect: cardholder-retention-marker
COMMENT ON COLUMN cards.pan IS '@pan @encrypted';
