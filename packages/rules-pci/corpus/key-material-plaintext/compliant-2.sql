CREATE TABLE integrations (id bigint PRIMARY KEY, api_key_hash text);
