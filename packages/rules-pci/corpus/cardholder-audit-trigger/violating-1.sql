CREATE TABLE cards (id bigint PRIMARY KEY, pan bytea); -- expect: cardholder-audit-trigger
