INSERT INTO journal_entries (reverses_id, amount_cents) VALUES (42, -1999);
