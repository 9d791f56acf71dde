CREATE TABLE diagnoses (id bigint PRIMARY KEY, code text);
COMMENT ON TABLE diagnoses IS '@audited pgaudit object logging on role auditor';
