SELECT 1;
DROP TABLE audit_events; -- expect: audit-log-append-only
