CREATE INDEX payments_created_idx ON payments (created_at);
DELETE FROM payments WHERE amount_cents = 0; -- expect: no-data-fixes-in-schema-migrations
