CREATE TABLE customers (id bigint PRIMARY KEY, country text);
CREATE VIEW support_customers AS SELECT id, country FROM customers;
