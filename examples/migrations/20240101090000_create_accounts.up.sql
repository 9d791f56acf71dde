-- Accounts and their owners.
CREATE TABLE accounts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id),
    display_name varchar(80) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX users_account_id_idx ON users (account_id);
