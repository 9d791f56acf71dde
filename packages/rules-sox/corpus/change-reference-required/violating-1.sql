-- add currency to invoices -- expect: change-reference-required
ALTER TABLE invoices ADD COLUMN currency text;
