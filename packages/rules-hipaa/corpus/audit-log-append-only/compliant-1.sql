INSERT INTO audit_log (action, detail) VALUES ('retention-review', 'archived to cold storage');
