CREATE TABLE members (id bigint PRIMARY KEY, date_of_birth date); -- expect: children-consent
