CREATE TABLE cards (id bigint PRIMARY KEY, pan bytea, merchant_id bigint);
CREATE VIEW cards_per_merchant AS SELECT merchant_id, count(*) FROM cards GROUP BY merchant_id;
