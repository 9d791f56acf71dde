CREATE TABLE consents (id bigint PRIMARY KEY, customer_id bigint, purpose text NOT NULL, granted_at timestamptz NOT NULL, withdrawn_at timestamptz);
