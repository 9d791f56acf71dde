CREATE TABLE customers (id bigint PRIMARY KEY, email bytea);
CREATE TRIGGER customers_audit AFTER INSERT OR UPDATE OR DELETE ON customers FOR EACH ROW EXECUTE FUNCTION audit_record_change();
