GRANT SELECT ON general_ledger TO PUBLIC; -- expect: no-broad-grants-on-financial
