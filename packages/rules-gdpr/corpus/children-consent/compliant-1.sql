CREATE TABLE members (id bigint PRIMARY KEY, date_of_birth date, parental_consent_at timestamptz);
