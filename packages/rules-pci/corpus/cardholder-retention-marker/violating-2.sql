CREATE TABLE payment_cards (id bigint PRIMARY KEY, card_token text); -- expect: cardholder-retention-marker
