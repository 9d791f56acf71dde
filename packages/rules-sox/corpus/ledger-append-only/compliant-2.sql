CREATE TABLE ledger (id bigint);
DELETE FROM ledger;
