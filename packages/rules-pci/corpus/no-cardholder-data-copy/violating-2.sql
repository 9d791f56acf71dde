SELECT c.* INTO TEMP cards_export FROM payment_cards c; -- expect: no-cardholder-data-copy
