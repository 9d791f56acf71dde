CREATE TABLE cards (id bigint PRIMARY KEY, merchant_id bigint, pan bytea); -- expect: cardholder-data-requires-rls
