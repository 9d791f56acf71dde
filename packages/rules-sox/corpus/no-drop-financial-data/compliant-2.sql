CREATE TABLE payments_staging (id bigint, amount_cents bigint);
DROP TABLE payments_staging;
