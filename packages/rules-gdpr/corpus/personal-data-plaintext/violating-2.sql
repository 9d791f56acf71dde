CREATE TABLE people (id bigint PRIMARY KEY);
ALTER TABLE people ADD COLUMN date_of_birth date; -- expect: personal-data-plaintext
