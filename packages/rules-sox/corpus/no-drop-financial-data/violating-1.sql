ALTER TABLE invoices DROP COLUMN tax_cents; -- expect: no-drop-financial-data
