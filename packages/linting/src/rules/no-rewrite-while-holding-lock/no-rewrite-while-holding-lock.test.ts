import { RuleTester } from "../../testing/index.js";
import { noRewriteWhileHoldingLock } from "./index.js";

const users = { path: "001_users.up.sql", sql: "CREATE TABLE users (id integer);\nCREATE TABLE orders (id integer);" };

new RuleTester().run("no-rewrite-while-holding-lock", noRewriteWhileHoldingLock, {
  valid: [
    { files: [users, { path: "002_big.up.sql", sql: "ALTER TABLE users ALTER COLUMN id TYPE bigint;" }] },
    {
      files: [
        users,
        {
          path: "002_big.up.sql",
          sql: "ALTER TABLE users ADD COLUMN plan text;\nALTER TABLE users ALTER COLUMN id TYPE bigint;",
        },
      ],
    },
    {
      files: [
        users,
        {
          path: "002_big.up.sql",
          sql: "ALTER TABLE orders ADD COLUMN note text;\nALTER TABLE users ALTER COLUMN id TYPE bigint;",
        },
      ],
      settings: { runnerWrapsInTransaction: false },
    },
  ],
  invalid: [
    {
      files: [
        users,
        {
          path: "002_big.up.sql",
          sql: "ALTER TABLE orders ADD COLUMN note text;\nALTER TABLE users ALTER COLUMN id TYPE bigint;",
        },
      ],
      errors: [
        {
          messageId: "rewriteWhileHolding",
          file: "002_big.up.sql",
          line: 2,
          message:
            "This statement rewrites users while the transaction holds a AccessExclusiveLock on orders (since line 1): orders stays blocked for the whole rewrite.",
        },
      ],
    },
  ],
});
