CREATE TABLE patients (id bigint PRIMARY KEY, clinic_id bigint NOT NULL, mrn bytea);
ALTER TABLE patients ENABLE ROW LEVEL SECURITY;
CREATE POLICY patients_by_clinic ON patients USING (clinic_id = current_setting('app.clinic_id')::bigint);
