CREATE INDEX orders_customer_id_idx ON orders (customer_id);
CREATE UNIQUE INDEX customers_email_key ON customers (email);
ALTER TABLE customers ADD CONSTRAINT customers_email_unique UNIQUE USING INDEX customers_email_key;
DROP INDEX orders_customer_id_idx;
