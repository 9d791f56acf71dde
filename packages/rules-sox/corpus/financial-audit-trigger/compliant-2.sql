CREATE TABLE payments (id bigint PRIMARY KEY, amount_cents bigint);
COMMENT ON TABLE payments IS '@audited pgaudit object log';
