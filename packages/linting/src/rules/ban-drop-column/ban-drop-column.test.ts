import { RuleTester } from "../../testing/index.js";
import { banDropColumn } from "./index.js";

new RuleTester().run("ban-drop-column", banDropColumn, {
  valid: [
    "ALTER TABLE users ADD COLUMN nickname text;",
    "CREATE TABLE t (a bigint, b text);\nALTER TABLE t DROP COLUMN b;",
    {
      files: [
        { path: "002_nick.up.sql", sql: "ALTER TABLE users ADD COLUMN nick text;" },
        { path: "002_nick.down.sql", sql: "ALTER TABLE users DROP COLUMN nick;" },
      ],
    },
  ],
  invalid: [
    {
      name: "CREATE TABLE IF NOT EXISTS may find the table there, in use",
      sql: "CREATE TABLE IF NOT EXISTS users (id bigint PRIMARY KEY, a text, b text);\nALTER TABLE users DROP COLUMN IF EXISTS b;\nCREATE INDEX users_a_idx ON users (a);\nALTER TABLE users ALTER COLUMN a SET NOT NULL;",
      errors: [{ messageId: "dropColumn", line: 2 }],
    },
    {
      sql: "ALTER TABLE users DROP COLUMN nickname;",
      errors: [
        {
          messageId: "dropColumn",
          line: 1,
          message:
            "Dropping column nickname of users breaks clients that still read or write it (SELECT * included), and takes an AccessExclusiveLock.",
        },
      ],
    },
    {
      sql: "\nALTER TABLE users DROP COLUMN IF EXISTS a,\n  DROP COLUMN b;",
      errors: [
        { messageId: "dropColumn", line: 2, column: 19 },
        { messageId: "dropColumn", line: 3, column: 3 },
      ],
    },
  ],
});
