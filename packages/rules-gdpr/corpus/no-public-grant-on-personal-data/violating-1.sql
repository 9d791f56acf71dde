CREATE TABLE customers (id bigint PRIMARY KEY);
GRANT SELECT ON customers TO PUBLIC; -- expect: no-public-grant-on-personal-data
