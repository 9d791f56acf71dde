CREATE TABLE invoices (id bigint);
CREATE TRIGGER invoices_touch BEFORE UPDATE ON invoices FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
ALTER TABLE invoices DISABLE TRIGGER invoices_touch;
