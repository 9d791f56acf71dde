SET lock_timeout = '2s';
SET statement_timeout = '60s';
CREATE TABLE IF NOT EXISTS invoices (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id bigint NOT NULL,
    amount_cents bigint NOT NULL,
    issued_at timestamptz NOT NULL DEFAULT now()
);
-- Added NOT VALID, then validated separately: no long ACCESS EXCLUSIVE lock on projects.
ALTER TABLE invoices ADD CONSTRAINT invoices_project_id_fkey
    FOREIGN KEY (project_id) REFERENCES projects (id) NOT VALID;
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_project_id_fkey;
CREATE INDEX IF NOT EXISTS invoices_project_id_idx ON invoices (project_id);
