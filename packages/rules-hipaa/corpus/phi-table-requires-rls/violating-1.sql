CREATE TABLE patients (id bigint PRIMARY KEY, clinic_id bigint NOT NULL, mrn bytea); -- expect: phi-table-requires-rls
COMMENT ON COLUMN patients.mrn IS '@phi @encrypted';
