CREATE TABLE marketing_consents (id bigint PRIMARY KEY, customer_id bigint, accepted boolean); -- expect: consent-records
