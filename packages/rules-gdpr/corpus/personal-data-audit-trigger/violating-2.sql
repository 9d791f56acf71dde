CREATE TABLE profiles (id bigint PRIMARY KEY); -- expect: personal-data-audit-trigger
CREATE TRIGGER profiles_audit AFTER UPDATE ON profiles FOR EACH ROW EXECUTE FUNCTION audit_record_change();
