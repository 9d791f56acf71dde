CREATE TABLE customers (id bigint PRIMARY KEY);
CREATE TABLE customers_export AS SELECT * FROM customers; -- expect: no-personal-data-copy
