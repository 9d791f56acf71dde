CREATE TABLE credit_cards (id bigint PRIMARY KEY, card_token text);
COMMENT ON TABLE credit_cards IS '@audited pgaudit object log';
