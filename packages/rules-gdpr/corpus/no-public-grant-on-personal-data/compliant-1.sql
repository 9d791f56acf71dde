CREATE TABLE customers (id bigint PRIMARY KEY);
GRANT SELECT ON customers TO support_agent;
