import { RuleTester } from "../../testing/index.js";
import { requireStatementTimeout } from "./index.js";

new RuleTester().run("require-statement-timeout", requireStatementTimeout, {
  valid: [
    "SET statement_timeout = '5min';\nALTER TABLE users ADD COLUMN plan text;",
    "CREATE TABLE users (id bigint);\nALTER TABLE users ADD COLUMN plan text;",
    { sql: "ALTER TABLE users ADD COLUMN plan text;", settings: { runnerSetsStatementTimeout: true } },
    // A statement_timeout would cancel a long concurrent build and leave an INVALID index behind.
    { sql: "CREATE INDEX CONCURRENTLY i ON users (email);", settings: { runnerWrapsInTransaction: false } },
  ],
  invalid: [
    {
      sql: "SET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN plan text;\nALTER TABLE users DROP COLUMN note;",
      errors: [{ messageId: "missingStatementTimeout", line: 2 }],
    },
    {
      sql: "SET statement_timeout = 0;\nCREATE INDEX i ON users (email);",
      errors: [{ messageId: "missingStatementTimeout", line: 2 }],
    },
  ],
});
