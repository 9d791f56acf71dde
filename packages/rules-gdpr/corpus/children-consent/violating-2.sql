CREATE TABLE players (id bigint PRIMARY KEY);
ALTER TABLE players ADD COLUMN birth_date date; -- expect: children-consent
