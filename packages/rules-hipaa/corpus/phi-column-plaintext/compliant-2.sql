CREATE TABLE lab_orders (id bigint PRIMARY KEY, ordered_at timestamptz, result_notes_token text);
COMMENT ON COLUMN lab_orders.result_notes_token IS 'vault token @phi @tokenized';
