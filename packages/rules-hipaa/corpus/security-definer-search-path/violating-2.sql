SET lock_timeout = '2s';
CREATE OR REPLACE FUNCTION grant_access(p bigint) RETURNS void LANGUAGE plpgsql SECURITY DEFINER AS $$ -- expect: security-definer-search-path
BEGIN
  INSERT INTO access_grants VALUES (p);
END $$;
