CREATE TABLE payouts (id bigint PRIMARY KEY, amount numeric(19,4), created_at timestamptz, updated_at timestamptz); -- expect: financial-audit-columns
