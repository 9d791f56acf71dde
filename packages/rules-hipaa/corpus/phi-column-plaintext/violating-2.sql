CREATE TABLE lab_orders (id bigint PRIMARY KEY, ordered_at timestamptz, result_notes text); -- expect: phi-column-plaintext
COMMENT ON COLUMN lab_orders.result_notes IS 'Free text from the lab @phi';
