CREATE TABLE lab_results (id bigint PRIMARY KEY, value bytea);
REVOKE ALL ON lab_results FROM PUBLIC;
GRANT SELECT ON lab_results TO lab_reader;
