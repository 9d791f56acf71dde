CREATE TABLE prescriptions (id bigint PRIMARY KEY, medication bytea);
ALTER TABLE prescriptions ENABLE ROW LEVEL SECURITY;
ALTER TABLE prescriptions FORCE ROW LEVEL SECURITY;
CREATE POLICY prescriptions_prescriber ON prescriptions FOR SELECT TO clinician USING (true);
