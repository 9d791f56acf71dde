CREATE TABLE prescriptions (id bigint PRIMARY KEY, medication bytea); -- expect: phi-table-requires-rls
ALTER TABLE prescriptions ENABLE ROW LEVEL SECURITY;
