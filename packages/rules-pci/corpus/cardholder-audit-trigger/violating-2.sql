CREATE TABLE credit_cards (id bigint PRIMARY KEY, card_token text); -- expect: cardholder-audit-trigger
CREATE TRIGGER credit_cards_touch BEFORE UPDATE ON credit_cards FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
