DROP VIEW big_orders;
ALTER TABLE orders ALTER COLUMN total_cents TYPE bigint;
ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();
ALTER TABLE customers ALTER COLUMN email TYPE varchar(320);
ALTER TABLE orders ALTER COLUMN remark TYPE varchar(500);
ALTER TABLE customers ADD COLUMN created_at timestamptz DEFAULT clock_timestamp();
