import { RuleTester } from "../../testing/index.js";
import { renamingColumn } from "./index.js";

new RuleTester().run("renaming-column", renamingColumn, {
  valid: ["ALTER TABLE users RENAME TO accounts;", "CREATE TABLE t (a text);\nALTER TABLE t RENAME COLUMN a TO b;"],
  invalid: [
    {
      sql: "ALTER TABLE users RENAME COLUMN name TO full_name;",
      errors: [
        {
          messageId: "renameColumn",
          line: 1,
          message: "Renaming users.name to full_name breaks every deployed client that uses the old name.",
        },
      ],
    },
    { sql: "SELECT 1;\nALTER TABLE\n  users RENAME name TO full_name;", errors: [{ messageId: "renameColumn", line: 3 }] },
  ],
});
