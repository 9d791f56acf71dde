CREATE TABLE cards (id bigint PRIMARY KEY, card_token text NOT NULL, card_last4 char(4));
