import { RuleTester } from "../../testing/index.js";
import { noTableRewrite } from "./index.js";

new RuleTester().run("no-table-rewrite", noTableRewrite, {
  valid: [
    "ALTER TABLE users SET (fillfactor = 90);",
    "CREATE TABLE t (id bigint);\nALTER TABLE t SET TABLESPACE fast;",
    // Reported by changing-column-type instead.
    "ALTER TABLE users ALTER COLUMN id TYPE bigint;",
  ],
  invalid: [
    { sql: "ALTER TABLE users SET TABLESPACE fast;", errors: [{ messageId: "rewrite", line: 1 }] },
    { sql: "SELECT 1;\nALTER TABLE users SET LOGGED;", errors: [{ messageId: "rewrite", line: 2 }] },
  ],
});
