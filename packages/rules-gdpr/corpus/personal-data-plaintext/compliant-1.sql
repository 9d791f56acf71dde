CREATE TABLE customers (id bigint PRIMARY KEY, national_id bytea);
COMMENT ON COLUMN customers.national_id IS '@pii @encrypted';
