CREATE TABLE prescriptions (id bigint PRIMARY KEY, medication bytea, patient_id bigint);
CREATE MATERIALIZED VIEW prescription_export AS SELECT p.* FROM prescriptions p; -- expect: no-phi-copy
