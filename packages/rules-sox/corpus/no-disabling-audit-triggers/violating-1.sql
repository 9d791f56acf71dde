CREATE TABLE invoices (id bigint);
CREATE TRIGGER invoices_audit AFTER INSERT OR UPDATE OR DELETE ON invoices FOR EACH ROW EXECUTE FUNCTION audit_record_change();
ALTER TABLE invoices DISABLE TRIGGER invoices_audit; -- expect: no-disabling-audit-triggers
