CREATE TABLE countries (code char(2) PRIMARY KEY);
GRANT SELECT ON countries TO PUBLIC;
