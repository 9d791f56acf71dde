ALTER TABLE orders ADD COLUMN shipped_at timestamptz;
ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'new';
ALTER TABLE orders ALTER COLUMN note SET DEFAULT '';
ALTER TABLE orders ALTER COLUMN note DROP DEFAULT;
ALTER TABLE orders DROP COLUMN shipped_at;
ALTER TABLE orders RENAME COLUMN note TO remark;
COMMENT ON TABLE orders IS 'Customer orders';
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total_cents > 0) NOT VALID;
ALTER TABLE orders ADD CONSTRAINT orders_customer_fkey FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
