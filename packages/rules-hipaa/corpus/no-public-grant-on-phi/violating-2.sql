CREATE TABLE lab_results (id bigint PRIMARY KEY, value bytea);
GRANT SELECT, INSERT ON lab_results TO lab_writer;
GRANT SELECT ON lab_results TO reporting, PUBLIC; -- expect: no-public-grant-on-phi
