CREATE TABLE customers (id bigint PRIMARY KEY);
CREATE VIEW support_customers AS SELECT * FROM customers; -- expect: no-select-star-views-on-personal-data
