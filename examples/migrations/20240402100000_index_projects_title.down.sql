-- confiture: no-transaction
DROP INDEX CONCURRENTLY IF EXISTS projects_title_idx;
