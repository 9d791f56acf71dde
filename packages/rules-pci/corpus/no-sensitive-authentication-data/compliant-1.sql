CREATE TABLE payments (id bigint PRIMARY KEY, card_token text, card_last4 char(4), authorized_at timestamptz);
