CREATE TABLE contacts (id bigint PRIMARY KEY);
CREATE SERVER crm FOREIGN DATA WRAPPER postgres_fdw OPTIONS (dbname 'crm', host '203.0.113.7'); -- expect: no-foreign-servers-for-personal-data
