CREATE TABLE general_ledger (id bigint PRIMARY KEY, amount_cents bigint);
CREATE TRIGGER general_ledger_audit AFTER INSERT OR UPDATE OR DELETE ON general_ledger FOR EACH ROW EXECUTE FUNCTION audit_record_change();
