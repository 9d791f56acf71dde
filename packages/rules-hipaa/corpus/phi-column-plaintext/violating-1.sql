-- Clinic visits with free-text diagnoses.
CREATE TABLE visits (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    patient_id bigint NOT NULL,
    visited_at timestamptz NOT NULL
);
ALTER TABLE visits ADD COLUMN diagnosis text; -- expect: phi-column-plaintext
