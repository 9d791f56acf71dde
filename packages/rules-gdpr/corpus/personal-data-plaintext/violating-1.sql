CREATE TABLE customers (id bigint PRIMARY KEY, national_id text); -- expect: personal-data-plaintext
