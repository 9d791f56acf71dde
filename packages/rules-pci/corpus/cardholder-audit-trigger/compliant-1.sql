CREATE TABLE cards (id bigint PRIMARY KEY, pan bytea);
CREATE TRIGGER cards_audit AFTER INSERT OR UPDATE OR DELETE ON cards FOR EACH ROW EXECUTE FUNCTION audit_record_change();
