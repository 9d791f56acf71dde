import { RuleTester } from "../../testing/index.js";
import { noDataLossWithoutWarning } from "./index.js";

new RuleTester().run("no-data-loss-without-warning", noDataLossWithoutWarning, {
  valid: [
    "DELETE FROM sessions WHERE expires_at < now();",
    "UPDATE users SET plan = 'free' WHERE plan IS NULL;",
    "DROP TABLE IF EXISTS scratch;",
    // Constant but not true: these delete nothing; and a filter AND true still filters.
    "DELETE FROM sessions WHERE 1 = 0;",
    "DELETE FROM sessions WHERE false OR NULL;",
    "UPDATE users SET plan = 'free' WHERE plan IS NULL AND true;",
    "DELETE FROM sessions WHERE 1 = '1';",
    "CREATE TABLE scratch (id bigint);\nTRUNCATE scratch;",
    "-- confiture-ignore-next-line no-data-loss-without-warning -- sessions are recreated at login\nTRUNCATE sessions;",
    {
      files: [
        { path: "001_s.up.sql", sql: "CREATE SCHEMA reporting;" },
        { path: "001_s.down.sql", sql: "DROP SCHEMA reporting CASCADE;" },
      ],
    },
  ],
  invalid: [
    {
      sql: "TRUNCATE sessions;",
      errors: [
        {
          messageId: "dataLoss",
          line: 1,
          message:
            "TRUNCATE deletes every row: the data cannot be recovered by a down migration. Acknowledge it with -- confiture-ignore-next-line no-data-loss-without-warning -- <reason>.",
        },
      ],
    },
    { sql: "DELETE FROM audit_log;", errors: [{ messageId: "dataLoss", line: 1 }] },
    // A WHERE that is true for every row filters nothing.
    { sql: "DELETE FROM audit_log WHERE 1=1;", errors: [{ messageId: "dataLoss", line: 1 }] },
    { sql: "DELETE FROM audit_log WHERE true;", errors: [{ messageId: "dataLoss", line: 1 }] },
    { sql: "UPDATE users SET email = lower(email) WHERE 1 = 1;", errors: [{ messageId: "dataLoss", line: 1 }] },
    {
      sql: "UPDATE users SET email = lower(email) WHERE email IS NULL OR 'a' <> 'b';",
      errors: [{ messageId: "dataLoss", line: 1 }],
    },
    { sql: "DELETE FROM audit_log WHERE NOT false AND 't'::boolean AND 2 > 1.5;", errors: [{ messageId: "dataLoss", line: 1 }] },
    { sql: "UPDATE users SET email = lower(email);", errors: [{ messageId: "dataLoss", line: 1 }] },
    { sql: "DROP SCHEMA reporting;", errors: [{ messageId: "dataLoss", line: 1 }] },
    { sql: "DROP VIEW report CASCADE;", errors: [{ messageId: "dataLoss", line: 1 }] },
  ],
});
