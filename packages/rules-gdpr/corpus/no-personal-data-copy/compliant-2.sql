CREATE TABLE countries (code char(2));
CREATE TABLE countries_copy AS SELECT * FROM countries;
