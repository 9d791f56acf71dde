CREATE TABLE accounts (id bigint PRIMARY KEY);
CREATE TABLE projects (id bigint PRIMARY KEY, account_id bigint REFERENCES accounts (id) ON DELETE CASCADE);
