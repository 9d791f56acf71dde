CREATE TABLE customers (id bigint PRIMARY KEY);
CREATE PUBLICATION analytics FOR ALL TABLES; -- expect: no-personal-data-publication
