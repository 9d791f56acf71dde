CREATE TABLE general_ledger (id bigint, amount_cents bigint); -- expect: change-reference-required
