-- Explicit ids: tracing runs each statement once before applying it, and sequences are not rolled back.
CREATE TABLE customers (
    id bigint PRIMARY KEY,
    email text NOT NULL,
    score integer NOT NULL DEFAULT 0
);
CREATE TABLE orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL,
    total_cents integer,
    note text
);
CREATE VIEW big_orders AS SELECT id, total_cents FROM orders WHERE total_cents > 10000;
INSERT INTO customers (id, email) SELECT i, 'user' || i || '@example.com' FROM generate_series(1, 100) AS i;
INSERT INTO orders (customer_id, total_cents) SELECT 1 + i % 100, i FROM generate_series(1, 500) AS i;
