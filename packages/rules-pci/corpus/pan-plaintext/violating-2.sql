CREATE TABLE orders (id bigint PRIMARY KEY);
ALTER TABLE orders ADD COLUMN credit_card_number text; -- expect: pan-plaintext
