CREATE TABLE payments (id bigint PRIMARY KEY, amount_cents bigint); -- expect: financial-audit-trigger
CREATE TRIGGER payments_touch BEFORE UPDATE ON payments FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
