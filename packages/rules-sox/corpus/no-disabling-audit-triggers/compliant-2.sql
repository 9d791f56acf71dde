CREATE TABLE projects (id bigint);
ALTER TABLE projects DISABLE TRIGGER ALL;
