CREATE TABLE clinics (id bigint PRIMARY KEY);
CREATE TABLE patients (id bigint PRIMARY KEY, clinic_id bigint REFERENCES clinics (id));
