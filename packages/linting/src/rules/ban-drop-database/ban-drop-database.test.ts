import { RuleTester } from "../../testing/index.js";
import { banDropDatabase } from "./index.js";

new RuleTester().run("ban-drop-database", banDropDatabase, {
  valid: ["CREATE DATABASE analytics;", "DROP TABLE IF EXISTS scratch;"],
  invalid: [
    {
      sql: "DROP DATABASE analytics;",
      errors: [
        {
          messageId: "dropDatabase",
          line: 1,
          message: "DROP DATABASE analytics deletes every table and row of the database, and no migration can undo it.",
        },
      ],
    },
    { sql: "SELECT 1;\nDROP DATABASE IF EXISTS analytics;", errors: [{ messageId: "dropDatabase", line: 2 }] },
  ],
});
