import { RuleTester } from "../../testing/index.js";
import { preferTextField } from "./index.js";

new RuleTester().run("prefer-text-field", preferTextField, {
  valid: ["CREATE TABLE t (name text, alias varchar);", "ALTER TABLE t ADD COLUMN c text CHECK (char_length(c) <= 100);"],
  invalid: [
    {
      sql: "CREATE TABLE t (\n  name varchar(100)\n);",
      errors: [
        {
          messageId: "varchar",
          line: 2,
          column: 8,
          message: "Column name is varchar(100): changing the limit later can rewrite the table under an AccessExclusiveLock.",
        },
      ],
    },
    { sql: "ALTER TABLE t ALTER COLUMN name TYPE character varying(20);", errors: [{ messageId: "varchar", line: 1 }] },
  ],
});
