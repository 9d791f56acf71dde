CREATE TABLE clinics (id bigint PRIMARY KEY, name text);
CREATE TABLE clinics_archive AS SELECT * FROM clinics;
