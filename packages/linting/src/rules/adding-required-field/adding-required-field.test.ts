import { RuleTester } from "../../testing/index.js";
import { addingRequiredField } from "./index.js";

new RuleTester().run("adding-required-field", addingRequiredField, {
  valid: [
    "ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';",
    "ALTER TABLE users ADD COLUMN plan text;",
    "ALTER TABLE users ADD COLUMN n bigint GENERATED ALWAYS AS IDENTITY NOT NULL;",
    "CREATE TABLE users (id bigint);\nALTER TABLE users ADD COLUMN plan text NOT NULL;",
  ],
  invalid: [
    {
      sql: "ALTER TABLE users\n  ADD COLUMN plan text NOT NULL;",
      errors: [
        {
          messageId: "required",
          line: 2,
          column: 14,
          message:
            "ADD COLUMN plan NOT NULL without a DEFAULT fails on users as soon as it has a row, and breaks inserts from clients that do not know the column.",
        },
      ],
    },
  ],
});
