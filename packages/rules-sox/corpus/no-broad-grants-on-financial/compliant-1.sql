CREATE TABLE invoices (id bigint, amount_cents bigint);
GRANT SELECT, INSERT ON invoices TO finance_app;
GRANT SELECT ON invoices TO auditor;
