-- change: FIN-482 (approved 2024-05-02)
ALTER TABLE invoices ADD COLUMN currency text;
