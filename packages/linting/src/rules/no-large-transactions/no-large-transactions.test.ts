import { RuleTester } from "../../testing/index.js";
import { noLargeTransactions } from "./index.js";

const inserts = (count: number) => Array.from({ length: count }, (_, index) => `INSERT INTO t VALUES (${index});`).join("\n");

new RuleTester().run("no-large-transactions", noLargeTransactions, {
  valid: [
    inserts(50),
    { sql: inserts(60), settings: { runnerWrapsInTransaction: false } },
    { sql: inserts(5), options: { maxStatements: 5 } },
    "ALTER TABLE a ALTER COLUMN x TYPE bigint;",
  ],
  invalid: [
    { sql: inserts(51), errors: [{ messageId: "tooManyStatements", line: 51 }] },
    {
      sql: `SET lock_timeout = '1s';\n${inserts(4)}`,
      options: { maxStatements: 3 },
      errors: [{ messageId: "tooManyStatements", line: 5 }],
    },
    {
      sql: "ALTER TABLE a ALTER COLUMN x TYPE bigint;\nALTER TABLE b ALTER COLUMN y TYPE bigint;",
      errors: [
        {
          messageId: "tooManyRewrites",
          line: 2,
          message:
            "This is table rewrite number 2 in one transaction (at most 1): the locks of the earlier rewrites are held during this one.",
        },
      ],
    },
  ],
});
