CREATE TABLE payouts (id bigint PRIMARY KEY, amount numeric(19,4), inserted_at timestamptz, modified_at timestamptz, inserted_by text, modified_by text);
