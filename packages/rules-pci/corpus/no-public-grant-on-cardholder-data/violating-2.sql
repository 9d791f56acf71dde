GRANT SELECT, UPDATE ON payment_cards TO PUBLIC; -- expect: no-public-grant-on-cardholder-data
