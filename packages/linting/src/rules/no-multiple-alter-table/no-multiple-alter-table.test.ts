import { RuleTester } from "../../testing/index.js";
import { noMultipleAlterTable } from "./index.js";

new RuleTester().run("no-multiple-alter-table", noMultipleAlterTable, {
  valid: [
    "ALTER TABLE users ADD COLUMN a text, ADD COLUMN b text;",
    "ALTER TABLE users ADD COLUMN a text;\nALTER TABLE orders ADD COLUMN b text;",
    "CREATE TABLE t (id bigint);\nALTER TABLE t ADD COLUMN a text;\nALTER TABLE t ADD COLUMN b text;",
    {
      sql: "ALTER TABLE users ADD COLUMN a text;\nALTER TABLE users ADD COLUMN b text;",
      settings: { runnerWrapsInTransaction: false },
    },
  ],
  invalid: [
    {
      sql: "ALTER TABLE users ADD COLUMN a text;\nALTER TABLE users ADD COLUMN b text;\nALTER TABLE users ADD COLUMN c text;",
      errors: [
        {
          messageId: "multiple",
          line: 2,
          message:
            "users was already altered at line 1 in this transaction: one ALTER TABLE with both subcommands scans or rewrites the table once and holds its lock for less time.",
        },
        { messageId: "multiple", line: 3 },
      ],
    },
  ],
});
