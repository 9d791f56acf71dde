CREATE TABLE runners (id bigint PRIMARY KEY, race_time interval);
COMMENT ON COLUMN runners.race_time IS '@not-sensitive marathon result';
