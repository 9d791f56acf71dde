import { RuleTester } from "../../testing/index.js";
import { requireConcurrentIndexDeletion } from "./index.js";

new RuleTester().run("require-concurrent-index-deletion", requireConcurrentIndexDeletion, {
  valid: [
    "DROP INDEX CONCURRENTLY users_email_idx;",
    "CREATE TABLE t (a text);\nCREATE INDEX t_a_idx ON t (a);\nDROP INDEX t_a_idx;",
  ],
  invalid: [
    {
      sql: "DROP INDEX users_email_idx;",
      errors: [
        {
          messageId: "missingConcurrently",
          line: 1,
          message:
            "DROP INDEX users_email_idx takes an AccessExclusiveLock on its table: reads and writes wait while it waits for running queries.",
        },
      ],
    },
    { sql: "SELECT 1;\nDROP INDEX IF EXISTS a_idx, b_idx;", errors: [{ messageId: "missingConcurrently", line: 2 }] },
  ],
});
