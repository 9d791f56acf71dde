CREATE TABLE applicants (id bigint PRIMARY KEY, ethnicity bytea);
COMMENT ON COLUMN applicants.ethnicity IS '@pii @encrypted explicit consent';
