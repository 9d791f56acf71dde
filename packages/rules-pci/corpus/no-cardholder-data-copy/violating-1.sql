CREATE TABLE cards (id bigint PRIMARY KEY, pan bytea);
CREATE TABLE cards_2024 AS SELECT * FROM cards; -- expect: no-cardholder-data-copy
