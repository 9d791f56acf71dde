CREATE TABLE integrations (id bigint PRIMARY KEY, name text);
ALTER TABLE integrations ADD COLUMN api_key varchar(64); -- expect: key-material-plaintext
