CREATE TABLE players (id bigint PRIMARY KEY, birth_date date);
COMMENT ON TABLE players IS '@age-verified sign-up requires 18+';
