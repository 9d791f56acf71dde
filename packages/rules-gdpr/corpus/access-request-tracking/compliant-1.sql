CREATE TABLE customers (id bigint PRIMARY KEY, email bytea);
CREATE TABLE data_subject_requests (id bigint PRIMARY KEY, customer_id bigint, kind text, received_at timestamptz, completed_at timestamptz);
