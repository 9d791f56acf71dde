CREATE FUNCTION patient_count() RETURNS bigint -- expect: security-definer-search-path
    LANGUAGE sql SECURITY DEFINER AS 'SELECT count(*) FROM patients';
