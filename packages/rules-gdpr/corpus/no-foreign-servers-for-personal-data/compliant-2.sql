CREATE TABLE projects (id bigint PRIMARY KEY);
CREATE SERVER dw FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'dw.example.com');
