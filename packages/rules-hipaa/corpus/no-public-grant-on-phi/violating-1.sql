CREATE TABLE patients (id bigint PRIMARY KEY, mrn bytea);
GRANT SELECT ON patients TO PUBLIC; -- expect: no-public-grant-on-phi
