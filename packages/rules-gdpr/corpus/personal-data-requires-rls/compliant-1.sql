CREATE TABLE customers (id bigint PRIMARY KEY, email bytea);
ALTER TABLE customers ENABLE ROW LEVEL SECURITY;
CREATE POLICY by_tenant ON customers USING (true);
