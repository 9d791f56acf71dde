CREATE TABLE clinics (id bigint PRIMARY KEY);
CREATE TABLE visits (id bigint PRIMARY KEY, clinic_id bigint, diagnosis bytea);
ALTER TABLE visits ADD CONSTRAINT visits_clinic_fkey FOREIGN KEY (clinic_id) REFERENCES clinics (id) ON DELETE CASCADE; -- expect: phi-no-cascading-delete
