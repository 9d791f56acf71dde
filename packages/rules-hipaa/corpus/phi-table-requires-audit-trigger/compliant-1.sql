CREATE TABLE patients (id bigint PRIMARY KEY, mrn bytea);
CREATE TRIGGER patients_audit AFTER INSERT OR UPDATE OR DELETE ON patients FOR EACH ROW EXECUTE FUNCTION audit_record_change();
