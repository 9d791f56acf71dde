CREATE TABLE consents (id bigint PRIMARY KEY, purpose text, granted_at timestamptz); -- expect: consent-records
