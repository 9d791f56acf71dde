CREATE TABLE customers (id bigint PRIMARY KEY);
CREATE SERVER warehouse FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'dw.us-east.example.com'); -- expect: no-foreign-servers-for-personal-data
