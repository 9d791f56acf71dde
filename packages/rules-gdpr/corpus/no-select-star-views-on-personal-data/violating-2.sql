CREATE TABLE customers (id bigint PRIMARY KEY);
CREATE TABLE orders (id bigint, customer_id bigint);
CREATE VIEW order_customers AS SELECT c.* FROM orders o JOIN customers c ON c.id = o.customer_id; -- expect: no-select-star-views-on-personal-data
