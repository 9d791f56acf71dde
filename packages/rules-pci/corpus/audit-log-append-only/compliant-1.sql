INSERT INTO audit_log (action) VALUES ('card-vault-rotated');
