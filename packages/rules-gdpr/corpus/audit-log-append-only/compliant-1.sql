INSERT INTO audit_log (action) VALUES ('erasure-request-processed');
