CREATE TABLE merchants (id bigint PRIMARY KEY, encryption_key text); -- expect: key-material-plaintext
