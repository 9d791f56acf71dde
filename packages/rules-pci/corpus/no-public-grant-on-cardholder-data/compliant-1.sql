CREATE TABLE cards (id bigint PRIMARY KEY, pan bytea);
GRANT SELECT ON cards TO payments_service;
