CREATE TABLE visits (id bigint PRIMARY KEY);
CREATE TRIGGER visits_audit AFTER INSERT OR UPDATE OR DELETE ON visits FOR EACH ROW EXECUTE FUNCTION audit_record_change();
DROP TRIGGER visits_audit ON visits; -- expect: no-disabling-audit-triggers
