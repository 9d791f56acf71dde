CREATE TABLE customers (id bigint PRIMARY KEY);
CREATE SERVER archive FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'localhost');
