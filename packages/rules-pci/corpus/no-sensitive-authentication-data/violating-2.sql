CREATE TABLE terminals (id bigint PRIMARY KEY);
ALTER TABLE terminals ADD COLUMN last_track2 bytea; -- expect: no-sensitive-authentication-data
COMMENT ON COLUMN terminals.last_track2 IS 'raw swipe, encrypted @encrypted';
