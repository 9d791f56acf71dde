CREATE TABLE customers (id bigint PRIMARY KEY, email bytea); -- expect: personal-data-retention-marker
