CREATE TABLE patients (id bigint PRIMARY KEY, mrn bytea);
CREATE TABLE patients_backup_2024 AS SELECT * FROM patients; -- expect: no-phi-copy
