CREATE TABLE cookie_consent (id bigint PRIMARY KEY, purpose_code text, consented_at timestamptz, revoked_at timestamptz);
