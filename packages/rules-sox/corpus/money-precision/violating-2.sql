CREATE TABLE payroll (id bigint PRIMARY KEY);
ALTER TABLE payroll ADD COLUMN salary money; -- expect: money-precision
