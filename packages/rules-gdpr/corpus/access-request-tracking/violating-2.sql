CREATE TABLE projects (id bigint PRIMARY KEY);
CREATE TABLE contacts (id bigint PRIMARY KEY, phone_number bytea); -- expect: access-request-tracking
