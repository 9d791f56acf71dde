-- confiture: no-transaction
-- Built without blocking writes; must run outside a transaction.
SET lock_timeout = '2s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS projects_title_idx ON projects (title);
