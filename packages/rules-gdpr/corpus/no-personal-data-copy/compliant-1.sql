CREATE TABLE customers (id bigint PRIMARY KEY, country text);
CREATE VIEW customer_countries AS SELECT country, count(*) FROM customers GROUP BY country;
