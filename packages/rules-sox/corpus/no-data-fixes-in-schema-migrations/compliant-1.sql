UPDATE invoices SET currency = 'EUR' WHERE currency IS NULL;
