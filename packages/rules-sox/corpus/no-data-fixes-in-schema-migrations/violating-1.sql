ALTER TABLE invoices ADD COLUMN currency text;
UPDATE invoices SET amount_cents = amount_cents * 100; -- expect: no-data-fixes-in-schema-migrations
