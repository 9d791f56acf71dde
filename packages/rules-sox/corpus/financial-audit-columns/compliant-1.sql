CREATE TABLE invoices (id bigint PRIMARY KEY, amount_cents bigint NOT NULL, created_at timestamptz, updated_at timestamptz, created_by text, updated_by text);
