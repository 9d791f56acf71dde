import { RuleTester } from "../../testing/index.js";
import { changingColumnType } from "./index.js";

const users = (type: string) => ({ path: "001_users.up.sql", sql: `CREATE TABLE users (id bigint, name ${type});` });

new RuleTester().run("changing-column-type", changingColumnType, {
  valid: [
    // Binary coercible: no rewrite.
    {
      files: [users("varchar(50)"), { path: "002_widen.up.sql", sql: "ALTER TABLE users ALTER COLUMN name TYPE varchar(100);" }],
    },
    { files: [users("varchar(50)"), { path: "002_text.up.sql", sql: "ALTER TABLE users ALTER COLUMN name TYPE text;" }] },
    "CREATE TABLE t (a integer);\nALTER TABLE t ALTER COLUMN a TYPE bigint;",
  ],
  invalid: [
    {
      files: [users("integer"), { path: "002_big.up.sql", sql: "ALTER TABLE users ALTER COLUMN name TYPE bigint;" }],
      errors: [{ messageId: "rewrite", file: "002_big.up.sql", line: 1 }],
    },
    {
      files: [
        users("varchar(100)"),
        { path: "002_narrow.up.sql", sql: "SELECT 1;\nALTER TABLE users ALTER COLUMN name TYPE varchar(50);" },
      ],
      errors: [{ messageId: "rewrite", line: 2 }],
    },
    // The current type is unknown (the table predates the migrations): the lock model assumes a rewrite.
    { sql: "ALTER TABLE users ALTER COLUMN name TYPE text;", errors: [{ messageId: "rewrite", line: 1 }] },
  ],
});
