CREATE TABLE products (id bigint PRIMARY KEY, price_cents bigint);
