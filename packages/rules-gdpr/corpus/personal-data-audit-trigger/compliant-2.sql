CREATE TABLE profiles (id bigint PRIMARY KEY);
COMMENT ON TABLE profiles IS '@audited';
