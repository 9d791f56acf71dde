UPDATE audit_log SET detail = NULL WHERE id = 7; -- expect: audit-log-append-only
