CREATE TABLE customers (id bigint PRIMARY KEY, email bytea);
COMMENT ON TABLE customers IS '@retention(3y after last order)';
