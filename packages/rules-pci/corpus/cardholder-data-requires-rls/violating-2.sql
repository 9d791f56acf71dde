CREATE TABLE payment_cards (id bigint PRIMARY KEY, card_token text); -- expect: cardholder-data-requires-rls
ALTER TABLE payment_cards ENABLE ROW LEVEL SECURITY;
