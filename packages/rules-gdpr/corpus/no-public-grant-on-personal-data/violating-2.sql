GRANT SELECT ON contacts TO PUBLIC; -- expect: no-public-grant-on-personal-data
