ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive;
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fkey;
ALTER TABLE customers ADD CONSTRAINT customers_score_check CHECK (score >= 0);
ALTER TABLE orders ALTER COLUMN total_cents SET NOT NULL;
