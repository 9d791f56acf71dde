CREATE TABLE projects (id bigint);
GRANT ALL ON projects TO app;
