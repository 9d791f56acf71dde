import { RuleTester } from "../../testing/index.js";
import { renamingTable } from "./index.js";

new RuleTester().run("renaming-table", renamingTable, {
  valid: [
    "ALTER TABLE users RENAME COLUMN a TO b;",
    "CREATE TABLE t (a text);\nALTER TABLE t RENAME TO u;",
    "ALTER INDEX users_pkey RENAME TO accounts_pkey;",
  ],
  invalid: [
    {
      sql: "ALTER TABLE users RENAME TO accounts;",
      errors: [
        {
          messageId: "renameTable",
          line: 1,
          message: "Renaming table users to accounts breaks every deployed client that uses the old name.",
        },
      ],
    },
  ],
});
