-- A constant default is a catalog-only change since PostgreSQL 11.
SET lock_timeout = '2s';
SET statement_timeout = '30s';
ALTER TABLE users ADD COLUMN status text NOT NULL DEFAULT 'active';
