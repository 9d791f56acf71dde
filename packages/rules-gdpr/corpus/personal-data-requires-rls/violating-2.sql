CREATE TABLE contacts (id bigint PRIMARY KEY, phone_number bytea); -- expect: personal-data-requires-rls
ALTER TABLE contacts ENABLE ROW LEVEL SECURITY;
