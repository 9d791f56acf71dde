import { RuleTester } from "../../testing/index.js";
import { noDataLossWithoutWarning } from "./index.js";

new RuleTester().run("no-data-loss-without-warning", noDataLossWithoutWarning, {
  valid: [
    "DELETE FROM sessions WHERE expires_at < now();",
    "UPDATE users SET plan = 'free' WHERE plan IS NULL;",
    "DROP TABLE IF EXISTS scratch;",
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
    { sql: "UPDATE users SET email = lower(email);", errors: [{ messageId: "dataLoss", line: 1 }] },
    { sql: "DROP SCHEMA reporting;", errors: [{ messageId: "dataLoss", line: 1 }] },
    { sql: "DROP VIEW report CASCADE;", errors: [{ messageId: "dataLoss", line: 1 }] },
  ],
});
