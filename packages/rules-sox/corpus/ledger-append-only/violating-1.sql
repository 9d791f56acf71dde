UPDATE journal_entries SET amount_cents = 0 WHERE id = 42; -- expect: ledger-append-only
