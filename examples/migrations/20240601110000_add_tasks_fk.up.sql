SET lock_timeout = '2s';
SET statement_timeout = '60s';
CREATE TABLE IF NOT EXISTS tasks (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id bigint NOT NULL,
    title text NOT NULL,
    due_at timestamptz
);
-- Added NOT VALID, then validated separately: no long lock on projects while existing rows are checked.
ALTER TABLE tasks ADD CONSTRAINT tasks_project_id_fkey
    FOREIGN KEY (project_id) REFERENCES projects (id) NOT VALID;
ALTER TABLE tasks VALIDATE CONSTRAINT tasks_project_id_fkey;
CREATE INDEX IF NOT EXISTS tasks_project_id_idx ON tasks (project_id);
