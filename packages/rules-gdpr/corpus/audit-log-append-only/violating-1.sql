DELETE FROM audit_log; -- expect: audit-log-append-only
