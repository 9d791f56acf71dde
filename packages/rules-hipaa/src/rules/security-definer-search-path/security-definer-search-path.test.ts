import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("security-definer-search-path", rule, {
  valid: [
    "CREATE FUNCTION patient_count() RETURNS bigint LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS 'SELECT 1::bigint';",
    "CREATE FUNCTION add_one(i int) RETURNS int LANGUAGE sql AS 'SELECT i + 1';",
  ],
  invalid: [
    {
      sql: "SELECT 1;\nCREATE FUNCTION patient_count() RETURNS bigint LANGUAGE sql SECURITY DEFINER AS 'SELECT 1::bigint';",
      errors: [{ messageId: "unpinned", line: 2 }],
    },
    {
      sql: "CREATE OR REPLACE FUNCTION s.f() RETURNS void LANGUAGE plpgsql SECURITY DEFINER AS $$ BEGIN PERFORM 1; END $$;",
      errors: [{ messageId: "unpinned", line: 1 }],
    },
  ],
});
