import { RuleTester } from "@confiture/linting/testing";
import { requireLockTimeout } from "./index.js";

new RuleTester().run("require-lock-timeout", requireLockTimeout, {
  valid: [
    "SET lock_timeout = '2s';\nALTER TABLE orders ADD COLUMN note text;",
    "CREATE INDEX CONCURRENTLY orders_created_idx ON orders (created_at);",
    { sql: "ALTER TABLE orders ADD COLUMN note text;", settings: { runnerSetsLockTimeout: true } },
  ],
  invalid: [
    { sql: "ALTER TABLE orders ADD COLUMN note text;", errors: [{ messageId: "missing", line: 1 }] },
    { sql: "CREATE TABLE t (id int);\nALTER TABLE t ADD COLUMN c int;", errors: [{ messageId: "missing", line: 2 }] },
  ],
});
