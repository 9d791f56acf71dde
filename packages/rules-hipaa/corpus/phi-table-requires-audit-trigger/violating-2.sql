CREATE TABLE diagnoses (id bigint PRIMARY KEY, code text); -- expect: phi-table-requires-audit-trigger
CREATE TRIGGER diagnoses_audit AFTER INSERT OR UPDATE ON diagnoses FOR EACH ROW EXECUTE FUNCTION audit_record_change();
