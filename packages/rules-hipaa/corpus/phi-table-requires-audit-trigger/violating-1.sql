CREATE TABLE patients (id bigint PRIMARY KEY, mrn bytea); -- expect: phi-table-requires-audit-trigger
CREATE TRIGGER patients_touch BEFORE UPDATE ON patients FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
