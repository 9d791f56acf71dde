CREATE TABLE visits (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    patient_id bigint NOT NULL,
    diagnosis bytea NOT NULL
);
COMMENT ON COLUMN visits.diagnosis IS '@phi @encrypted pgp_sym_encrypt with the KMS data key';
