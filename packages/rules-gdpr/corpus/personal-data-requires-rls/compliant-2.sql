CREATE TABLE projects (id bigint PRIMARY KEY, title text);
