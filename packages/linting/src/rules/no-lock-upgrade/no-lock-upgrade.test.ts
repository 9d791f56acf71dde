import { RuleTester } from "../../testing/index.js";
import { noLockUpgrade } from "./index.js";

new RuleTester().run("no-lock-upgrade", noLockUpgrade, {
  valid: [
    "LOCK TABLE users IN ACCESS EXCLUSIVE MODE;\nSELECT count(*) FROM users;\nALTER TABLE users ADD COLUMN a text;",
    "ALTER TABLE users ADD COLUMN a text;\nALTER TABLE users ADD COLUMN b text;",
    { sql: "SELECT count(*) FROM users;\nALTER TABLE users ADD COLUMN a text;", settings: { runnerWrapsInTransaction: false } },
    "CREATE TABLE t (id bigint);\nINSERT INTO t VALUES (1);\nALTER TABLE t ADD COLUMN a text;",
  ],
  invalid: [
    {
      sql: "SELECT count(*) FROM users;\nALTER TABLE users ADD COLUMN a text;",
      errors: [
        {
          messageId: "upgrade",
          line: 2,
          message:
            "The transaction already holds a AccessShareLock on users (line 1) and now asks for a AccessExclusiveLock: it waits for other holders of weaker locks, and two sessions doing this deadlock.",
        },
      ],
    },
    {
      sql: "UPDATE users SET plan = 'free' WHERE plan IS NULL;\nCREATE INDEX users_plan_idx ON users (plan);",
      errors: [{ messageId: "upgrade", line: 2 }],
    },
  ],
});
