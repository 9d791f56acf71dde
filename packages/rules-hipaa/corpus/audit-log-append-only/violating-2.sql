TRUNCATE audit_trail; -- expect: audit-log-append-only
