import { RuleTester } from "../../testing/index.js";
import { noStatementsAfterAccessExclusiveLock } from "./index.js";

new RuleTester().run("no-statements-after-access-exclusive-lock", noStatementsAfterAccessExclusiveLock, {
  valid: [
    "ALTER TABLE users ADD COLUMN plan text;",
    // Quick statements on the same table add no waiting.
    "SET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN plan text;\nALTER TABLE users ALTER COLUMN plan SET DEFAULT 'free';",
    // Outside a transaction each statement commits on its own.
    {
      sql: "ALTER TABLE users ADD COLUMN plan text;\nUPDATE orders SET total = 0 WHERE total IS NULL;",
      settings: { runnerWrapsInTransaction: false },
    },
    "CREATE TABLE t (id bigint);\nALTER TABLE t ADD COLUMN a text;\nCREATE INDEX i ON orders (a);",
    // A query of no table and a few literal rows take no time.
    "ALTER TABLE users ADD COLUMN plan text;\nSELECT set_config('app.x', '1', true);\nINSERT INTO users (id) VALUES (1);",
  ],
  invalid: [
    {
      name: "a query and an UPDATE of the locked table take as long as its rows",
      sql: "ALTER TABLE authors ADD COLUMN email text;\nSELECT count(*) FROM authors;\nUPDATE authors SET email = 'x';",
      errors: [{ messageId: "heldLock", line: 2 }],
    },
    {
      sql: "ALTER TABLE authors ADD COLUMN email text;\nUPDATE authors SET email = 'x';",
      errors: [{ messageId: "heldLock", line: 2 }],
    },
    {
      sql: "ALTER TABLE authors ADD COLUMN email text;\nINSERT INTO authors SELECT * FROM staging_authors;",
      errors: [{ messageId: "heldLock", line: 2 }],
    },
    {
      sql: "ALTER TABLE users ADD COLUMN plan text;\nUPDATE orders SET total = 0 WHERE total IS NULL;",
      errors: [
        {
          messageId: "heldLock",
          line: 2,
          message:
            "This statement runs while the transaction still holds the AccessExclusiveLock on users taken at line 1: every read and write of users waits until COMMIT.",
        },
      ],
    },
    {
      sql: "BEGIN;\nALTER TABLE users ADD COLUMN plan text;\nCREATE INDEX orders_total_idx ON orders (total);\nCREATE INDEX orders_user_idx ON orders (user_id);\nCOMMIT;",
      settings: { runnerWrapsInTransaction: false },
      errors: [{ messageId: "heldLock", line: 3 }],
    },
  ],
});
