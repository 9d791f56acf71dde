import { RuleTester } from "../../testing/index.js";
import { columnNamingConvention } from "./index.js";

new RuleTester().run("column-naming-convention", columnNamingConvention, {
  valid: [
    "CREATE TABLE t (created_at timestamptz, user_id bigint);",
    "ALTER TABLE t ADD COLUMN plan_name text;",
    "ALTER TABLE t RENAME COLUMN a TO b;",
  ],
  invalid: [
    { sql: 'CREATE TABLE t (\n  "createdAt" timestamptz\n);', errors: [{ messageId: "mismatch", line: 2, column: 3 }] },
    { sql: 'ALTER TABLE t ADD COLUMN "Plan" text;', errors: [{ messageId: "mismatch", line: 1 }] },
    { sql: 'ALTER TABLE t RENAME COLUMN a TO "userId";', errors: [{ messageId: "mismatch", line: 1 }] },
    { sql: "CREATE TABLE t (id bigint);", options: { pattern: "^[a-z]+_[a-z]+$" }, errors: [{ messageId: "mismatch" }] },
  ],
});
