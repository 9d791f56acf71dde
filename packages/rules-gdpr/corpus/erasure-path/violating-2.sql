CREATE TABLE customers (id bigint PRIMARY KEY);
CREATE TABLE tickets (id bigint PRIMARY KEY, customer_id bigint);
ALTER TABLE tickets ADD CONSTRAINT tickets_customer_fkey FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE RESTRICT; -- expect: erasure-path
