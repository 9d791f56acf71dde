CREATE ROLE etl NOLOGIN;
ALTER ROLE etl WITH LOGIN PASSWORD 'postgres'; -- expect: no-credentials-in-migrations
