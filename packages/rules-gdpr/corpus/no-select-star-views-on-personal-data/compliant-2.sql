CREATE TABLE projects (id bigint PRIMARY KEY);
CREATE VIEW all_projects AS SELECT * FROM projects;
