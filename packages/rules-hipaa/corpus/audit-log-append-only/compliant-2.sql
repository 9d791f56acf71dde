CREATE TABLE audit_events (id bigint, detail text);
DELETE FROM audit_events WHERE id < 0;
