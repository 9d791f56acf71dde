CREATE TABLE members (id bigint PRIMARY KEY);
ALTER TABLE members ADD COLUMN religion text; -- expect: special-category-data
