CREATE TABLE patients (id bigint PRIMARY KEY, mrn bytea);
GRANT SELECT ON patients TO clinician;
