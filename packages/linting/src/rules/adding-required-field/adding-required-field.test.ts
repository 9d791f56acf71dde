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
      name: "a new table stops being empty once a row goes in",
      sql: "CREATE TABLE t (id bigint PRIMARY KEY);\nINSERT INTO t VALUES (1);\nALTER TABLE t ADD COLUMN c text NOT NULL;",
      errors: [{ messageId: "required", line: 3 }],
    },
    {
      name: "COPY FROM fills a new table too",
      sql: "CREATE TABLE t (id bigint PRIMARY KEY);\nCOPY t FROM STDIN;\nALTER TABLE t ADD COLUMN c text NOT NULL;",
      errors: [{ messageId: "required", line: 3 }],
    },
    {
      name: "CREATE TABLE IF NOT EXISTS may find the table there, with rows",
      sql: "CREATE TABLE IF NOT EXISTS t (id bigint PRIMARY KEY);\nALTER TABLE t ADD COLUMN c text NOT NULL;",
      errors: [{ messageId: "required", line: 2 }],
    },
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
