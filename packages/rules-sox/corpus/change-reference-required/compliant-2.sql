CREATE TABLE projects (id bigint);
