CREATE TABLE patients (id bigint PRIMARY KEY, mrn bytea);
CREATE TRIGGER patients_audit AFTER INSERT OR UPDATE OR DELETE ON patients FOR EACH ROW EXECUTE FUNCTION audit_record_change();
CREATE TRIGGER patients_touch BEFORE UPDATE ON patients FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
ALTER TABLE patients DISABLE TRIGGER patients_touch;
