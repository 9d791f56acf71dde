SELECT 1;
DELETE FROM general_ledger WHERE posted_at < '2019-01-01'; -- expect: ledger-append-only
