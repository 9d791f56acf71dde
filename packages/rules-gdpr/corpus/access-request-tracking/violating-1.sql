CREATE TABLE customers (id bigint PRIMARY KEY, email bytea); -- expect: access-request-tracking
