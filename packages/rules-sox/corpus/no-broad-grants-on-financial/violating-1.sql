CREATE TABLE invoices (id bigint, amount_cents bigint);
GRANT ALL ON invoices TO finance_app; -- expect: no-broad-grants-on-financial
