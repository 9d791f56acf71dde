import { RuleTester } from "../../testing/index.js";
import { requireTableSchema } from "./index.js";

new RuleTester().run("require-table-schema", requireTableSchema, {
  valid: [
    "CREATE TABLE public.t (id bigint);",
    "ALTER TABLE app.t ADD COLUMN a text;",
    "CREATE TEMP TABLE scratch (id bigint);",
    "CREATE INDEX i ON t (a);",
    "DROP TABLE app.t;",
  ],
  invalid: [
    { sql: "CREATE TABLE t (id bigint);", errors: [{ messageId: "unqualified", line: 1, column: 14 }] },
    { sql: "SELECT 1;\nALTER TABLE t ADD COLUMN a text;", errors: [{ messageId: "unqualified", line: 2 }] },
    { sql: "DROP TABLE t;", errors: [{ messageId: "unqualified", line: 1 }] },
    { sql: "ALTER TABLE t RENAME COLUMN a TO b;", errors: [{ messageId: "unqualified", line: 1 }] },
    { sql: "ALTER TABLE t RENAME TO u;", errors: [{ messageId: "unqualified", line: 1 }] },
  ],
});
