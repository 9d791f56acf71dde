CREATE TABLE customers (id bigint PRIMARY KEY, email bytea);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id) ON DELETE SET NULL);
