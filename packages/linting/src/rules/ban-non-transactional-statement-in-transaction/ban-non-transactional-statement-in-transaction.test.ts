import { RuleTester } from "../../testing/index.js";
import { banNonTransactionalStatementInTransaction } from "./index.js";

new RuleTester().run("ban-non-transactional-statement-in-transaction", banNonTransactionalStatementInTransaction, {
  valid: [
    "-- confiture: no-transaction\nVACUUM users;",
    { sql: "VACUUM users;", settings: { runnerWrapsInTransaction: false } },
    // Reported by ban-concurrent-index-creation-in-transaction instead.
    "CREATE INDEX CONCURRENTLY i ON t (a);",
  ],
  invalid: [
    {
      sql: "VACUUM users;",
      errors: [
        {
          messageId: "nonTransactional",
          line: 1,
          message: "VACUUM cannot run inside a transaction block: the migration fails at deploy time.",
        },
      ],
    },
    {
      sql: "BEGIN;\nCREATE DATABASE reports;\nCOMMIT;",
      settings: { runnerWrapsInTransaction: false },
      errors: [{ messageId: "nonTransactional", line: 2 }],
    },
  ],
});
