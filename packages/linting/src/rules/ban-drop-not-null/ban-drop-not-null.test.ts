import { RuleTester } from "../../testing/index.js";
import { banDropNotNull } from "./index.js";

new RuleTester().run("ban-drop-not-null", banDropNotNull, {
  valid: [
    "ALTER TABLE users ALTER COLUMN email SET DEFAULT '';",
    "CREATE TABLE t (a text NOT NULL);\nALTER TABLE t ALTER COLUMN a DROP NOT NULL;",
  ],
  invalid: [
    {
      sql: "ALTER TABLE users ALTER COLUMN email DROP NOT NULL;",
      errors: [
        {
          messageId: "dropNotNull",
          line: 1,
          message: "Dropping NOT NULL on users.email lets NULLs in; readers that assume a value will break.",
        },
      ],
    },
  ],
});
