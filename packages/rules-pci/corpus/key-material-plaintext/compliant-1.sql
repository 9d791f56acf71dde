CREATE TABLE merchants (id bigint PRIMARY KEY, key_reference text);
