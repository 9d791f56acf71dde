import { RuleTester } from "../../testing/index.js";
import { banConcurrentIndexCreationInTransaction } from "./index.js";

const noWrap = { runnerWrapsInTransaction: false };

new RuleTester().run("ban-concurrent-index-creation-in-transaction", banConcurrentIndexCreationInTransaction, {
  valid: [
    { sql: "CREATE INDEX CONCURRENTLY i ON t (a);", settings: noWrap },
    "-- confiture: no-transaction\nCREATE INDEX CONCURRENTLY i ON t (a);",
    { sql: "BEGIN;\nCREATE INDEX i ON t (a);\nCOMMIT;\nCREATE INDEX CONCURRENTLY j ON t (b);", settings: noWrap },
  ],
  invalid: [
    {
      sql: "BEGIN;\nCREATE INDEX CONCURRENTLY i ON t (a);\nCOMMIT;",
      settings: noWrap,
      errors: [{ messageId: "inTransaction", line: 2 }],
    },
    // The runner's transaction (the default setting) counts too.
    {
      sql: "CREATE INDEX CONCURRENTLY i ON t (a);\nDROP INDEX CONCURRENTLY j;",
      errors: [
        { messageId: "inRunnerTransaction", line: 1 },
        { messageId: "inRunnerTransaction", line: 2 },
      ],
    },
  ],
});
