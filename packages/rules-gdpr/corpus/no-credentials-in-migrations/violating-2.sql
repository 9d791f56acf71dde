ALTER USER crm_sync PASSWORD 'sync-2024'; -- expect: no-credentials-in-migrations
