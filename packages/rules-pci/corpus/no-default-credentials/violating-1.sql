CREATE ROLE payments LOGIN PASSWORD 'changeme'; -- expect: no-default-credentials
