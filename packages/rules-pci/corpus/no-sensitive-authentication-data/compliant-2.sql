CREATE TABLE terminals (id bigint PRIMARY KEY, pinned_to_location boolean, firmware text);
