CREATE TABLE patients (id bigint PRIMARY KEY, mrn bytea, clinic_id bigint);
CREATE VIEW patients_per_clinic AS SELECT clinic_id, count(*) AS patients FROM patients GROUP BY clinic_id;
