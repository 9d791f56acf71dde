CREATE TABLE IF NOT EXISTS projects (id bigint);
SELECT 1;
DELETE FROM audit_log WHERE created_at < now() - interval '7 years'; -- expect: audit-log-append-only
