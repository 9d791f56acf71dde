CREATE TABLE cards (id bigint PRIMARY KEY, pan bytea);
GRANT SELECT ON cards TO PUBLIC; -- expect: no-public-grant-on-cardholder-data
