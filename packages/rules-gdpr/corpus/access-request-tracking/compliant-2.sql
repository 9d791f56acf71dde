CREATE TABLE contacts (id bigint PRIMARY KEY, phone_number bytea);
CREATE TABLE dsar_log (id bigint PRIMARY KEY, contact_id bigint);
