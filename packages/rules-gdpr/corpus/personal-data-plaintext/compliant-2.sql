CREATE TABLE people (id bigint PRIMARY KEY, email_hash text, display_name text);
