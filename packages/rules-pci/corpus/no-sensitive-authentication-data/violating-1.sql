CREATE TABLE payments (id bigint PRIMARY KEY, card_token text, cvv varchar(4)); -- expect: no-sensitive-authentication-data
