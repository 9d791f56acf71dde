CREATE TABLE sensors (id bigint PRIMARY KEY, temperature double precision);
