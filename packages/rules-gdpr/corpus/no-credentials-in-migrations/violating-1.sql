CREATE ROLE analytics LOGIN PASSWORD 'analytics'; -- expect: no-credentials-in-migrations
