import { RuleTester } from "../../testing/index.js";
import { banCharField } from "./index.js";

new RuleTester().run("ban-char-field", banCharField, {
  valid: ["CREATE TABLE t (code text, name varchar);", "ALTER TABLE t ADD COLUMN c text CHECK (length(c) = 2);"],
  invalid: [
    { sql: "CREATE TABLE t (\n  id bigint,\n  code char(2)\n);", errors: [{ messageId: "charField", line: 3, column: 8 }] },
    {
      sql: "ALTER TABLE t ADD COLUMN c character(3), ADD COLUMN d char;",
      errors: [
        { messageId: "charField", line: 1 },
        { messageId: "charField", line: 1 },
      ],
    },
    { sql: "ALTER TABLE t ALTER COLUMN c TYPE char(4);", errors: [{ messageId: "charField" }] },
  ],
});
