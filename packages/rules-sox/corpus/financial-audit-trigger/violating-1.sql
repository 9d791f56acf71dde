CREATE TABLE general_ledger (id bigint PRIMARY KEY, amount_cents bigint); -- expect: financial-audit-trigger
