-- Up Migration
CREATE TABLE users (id bigint PRIMARY KEY, email text);

-- Down Migration
DROP TABLE users;
