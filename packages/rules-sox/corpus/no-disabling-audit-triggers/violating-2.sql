CREATE TABLE payments (id bigint);
CREATE TRIGGER payments_audit AFTER INSERT OR UPDATE OR DELETE ON payments FOR EACH ROW EXECUTE FUNCTION audit_record_change();
ALTER TABLE payments DISABLE TRIGGER ALL; -- expect: no-disabling-audit-triggers
