CREATE TABLE audit_trail (id bigint);
TRUNCATE audit_trail;
