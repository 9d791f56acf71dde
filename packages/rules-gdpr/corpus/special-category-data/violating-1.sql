CREATE TABLE applicants (id bigint PRIMARY KEY, ethnicity text); -- expect: special-category-data
