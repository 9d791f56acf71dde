CREATE TABLE payment_cards (id bigint PRIMARY KEY, card_token text);
COMMENT ON TABLE payment_cards IS '@retention(13m) disposal job card-purge';
