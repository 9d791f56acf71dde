CREATE TABLE payments (id bigint PRIMARY KEY, amount numeric(19, 4), currency char(3));
