SELECT 1;
UPDATE audit_trail SET actor = NULL; -- expect: audit-log-append-only
