CREATE TABLE customers (id bigint PRIMARY KEY);
CREATE TABLE addresses (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id) ON DELETE CASCADE);
