CREATE TABLE cards (id bigint PRIMARY KEY, card_number varchar(19) NOT NULL); -- expect: pan-plaintext
