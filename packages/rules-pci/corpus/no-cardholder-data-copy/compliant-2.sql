CREATE TABLE products (id bigint PRIMARY KEY);
CREATE TABLE products_snapshot AS SELECT * FROM products;
