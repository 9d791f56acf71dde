import { RuleTester } from "../../testing/index.js";
import { requireLockTimeout } from "./index.js";

new RuleTester().run("require-lock-timeout", requireLockTimeout, {
  valid: [
    "SET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN plan text;",
    "SET LOCAL lock_timeout = '2s';\nALTER TABLE users ADD COLUMN plan text;",
    "SELECT set_config('lock_timeout', '2s', false);\nALTER TABLE users ADD COLUMN plan text;",
    // New tables: nobody waits behind their locks.
    "CREATE TABLE users (id bigint);\nCREATE INDEX users_id_idx ON users (id);",
    // Reads and writes do not block other reads and writes.
    "SELECT 1;\nUPDATE users SET plan = 'free' WHERE id = 1;",
    { sql: "ALTER TABLE users ADD COLUMN plan text;", settings: { runnerSetsLockTimeout: true } },
  ],
  invalid: [
    {
      sql: "ALTER TABLE users ADD COLUMN plan text;\nALTER TABLE users ADD COLUMN note text;",
      errors: [
        {
          messageId: "missingLockTimeout",
          line: 1,
          message:
            "No lock_timeout is set before this AccessExclusiveLock on users: it can wait behind a long transaction indefinitely, and every conflicting query queued after it waits too.",
        },
      ],
    },
    { sql: "SELECT 1;\nCREATE INDEX i ON users (email);", errors: [{ messageId: "missingLockTimeout", line: 2 }] },
    // It also waits behind VACUUM and other DDL, and for every transaction older than it.
    {
      sql: "CREATE INDEX CONCURRENTLY i ON users (email);",
      settings: { runnerWrapsInTransaction: false },
      errors: [{ messageId: "missingLockTimeout", line: 1 }],
    },
    {
      name: "a zero lock_timeout disables the timeout",
      sql: "SET lock_timeout = 0;\nDROP TABLE users;",
      errors: [{ messageId: "missingLockTimeout", line: 2 }],
    },
  ],
});
