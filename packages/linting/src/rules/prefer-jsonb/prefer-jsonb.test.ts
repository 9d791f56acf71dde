import { RuleTester } from "../../testing/index.js";
import { preferJsonb } from "./index.js";

new RuleTester().run("prefer-jsonb", preferJsonb, {
  valid: ["CREATE TABLE t (doc jsonb);", "ALTER TABLE t ADD COLUMN doc jsonb NOT NULL DEFAULT '{}';"],
  invalid: [
    { sql: "CREATE TABLE t (\n  doc json\n);", errors: [{ messageId: "json", line: 2, column: 7 }] },
    { sql: "ALTER TABLE t ADD COLUMN doc json;", errors: [{ messageId: "json", line: 1 }] },
  ],
});
