CREATE TABLE cards (id bigint PRIMARY KEY, merchant_id bigint, pan bytea);
ALTER TABLE cards ENABLE ROW LEVEL SECURITY;
CREATE POLICY cards_by_merchant ON cards USING (merchant_id = current_setting('app.merchant_id')::bigint);
