CREATE TABLE audit_events (id bigint);
DROP TABLE audit_events;
