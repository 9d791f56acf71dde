CREATE TABLE contacts (id bigint PRIMARY KEY);
CREATE PUBLICATION crm FOR TABLE contacts; -- expect: no-personal-data-publication
