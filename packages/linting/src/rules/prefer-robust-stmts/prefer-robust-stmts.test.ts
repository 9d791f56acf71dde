import { RuleTester } from "../../testing/index.js";
import { preferRobustStmts } from "./index.js";

const noWrap = { runnerWrapsInTransaction: false };

new RuleTester({ settings: noWrap }).run("prefer-robust-stmts", preferRobustStmts, {
  valid: [
    "CREATE TABLE IF NOT EXISTS t (id bigint);",
    "CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON t (a);",
    "DROP INDEX CONCURRENTLY IF EXISTS i;",
    "ALTER TABLE t ADD COLUMN IF NOT EXISTS a text;",
    "ALTER TABLE t DROP COLUMN IF EXISTS a;",
    "ALTER TABLE t ALTER COLUMN a SET NOT NULL;",
    "BEGIN;\nCREATE TABLE t (id bigint);\nALTER TABLE t ADD CONSTRAINT c CHECK (id > 0);\nCOMMIT;",
    // Inside the runner's transaction a failure rolls everything back.
    { sql: "CREATE TABLE t (id bigint);", settings: { runnerWrapsInTransaction: true } },
  ],
  invalid: [
    { sql: "CREATE TABLE t (id bigint);", errors: [{ messageId: "missingIfNotExists", line: 1 }] },
    { sql: "SELECT 1;\nDROP TABLE t;", errors: [{ messageId: "missingIfExists", line: 2 }] },
    { sql: "ALTER TABLE t ADD COLUMN a text;", errors: [{ messageId: "missingIfNotExists", line: 1 }] },
    {
      name: "each subcommand is reported on its line",
      sql: "ALTER TABLE t ADD COLUMN a text,\n  ADD COLUMN IF NOT EXISTS b text,\n  DROP COLUMN c;",
      errors: [
        { messageId: "missingIfNotExists", line: 1 },
        { messageId: "missingIfExists", line: 3 },
      ],
    },
    { sql: "ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID;", errors: [{ messageId: "missingTransaction", line: 1 }] },
    { sql: "ALTER TABLE t RENAME COLUMN a TO b;", errors: [{ messageId: "missingTransaction", line: 1 }] },
    {
      name: "reported on the line of the subcommand",
      sql: "ALTER TABLE t\n  ALTER COLUMN a SET NOT NULL,\n  ADD CONSTRAINT c CHECK (a > 0);",
      errors: [{ messageId: "missingTransaction", line: 3, column: 3 }],
    },
    { sql: "CREATE INDEX CONCURRENTLY i ON t (a);", errors: [{ messageId: "missingIfNotExists", line: 1 }] },
  ],
});
