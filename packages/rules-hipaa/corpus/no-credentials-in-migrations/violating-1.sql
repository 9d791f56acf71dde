CREATE ROLE reporting LOGIN PASSWORD 'reporting2024'; -- expect: no-credentials-in-migrations
