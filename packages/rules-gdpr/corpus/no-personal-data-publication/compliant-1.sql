CREATE TABLE customers (id bigint PRIMARY KEY);
CREATE TABLE orders_anonymised (id bigint);
CREATE PUBLICATION analytics FOR TABLE orders_anonymised;
