import { RuleTester } from "../../testing/index.js";
import { addingNotNullableField } from "./index.js";

new RuleTester().run("adding-not-nullable-field", addingNotNullableField, {
  valid: [
    "CREATE TABLE users (email text);\nALTER TABLE users ALTER COLUMN email SET NOT NULL;",
    {
      name: "a validated CHECK from an earlier migration proves the column has no NULLs",
      files: [
        {
          path: "001_check.up.sql",
          sql: "CREATE TABLE users (email text);\nALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;",
        },
        { path: "002_validate.up.sql", sql: "ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;" },
        { path: "003_set.up.sql", sql: "ALTER TABLE users ALTER COLUMN email SET NOT NULL;" },
      ],
    },
  ],
  invalid: [
    {
      name: "CREATE TABLE IF NOT EXISTS may find the table there, with rows",
      sql: "CREATE TABLE IF NOT EXISTS users (id bigint PRIMARY KEY, a text, b text);\nALTER TABLE users DROP COLUMN IF EXISTS b;\nCREATE INDEX users_a_idx ON users (a);\nALTER TABLE users ALTER COLUMN a SET NOT NULL;",
      errors: [{ messageId: "setNotNull", line: 4 }],
    },
    {
      name: "an UPDATE fills a new table",
      sql: "CREATE TABLE users (email text);\nINSERT INTO users SELECT NULL;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;",
      errors: [{ messageId: "setNotNull", line: 3 }],
    },
    { sql: "ALTER TABLE users ALTER COLUMN email SET NOT NULL;", errors: [{ messageId: "setNotNull", line: 1 }] },
    {
      name: "a CHECK that was never validated proves nothing",
      files: [
        {
          path: "001_check.up.sql",
          sql: "CREATE TABLE users (email text);\nALTER TABLE users ADD CONSTRAINT c CHECK (email IS NOT NULL) NOT VALID;",
        },
        { path: "002_set.up.sql", sql: "ALTER TABLE users ALTER COLUMN email SET NOT NULL;" },
      ],
      errors: [{ messageId: "setNotNull", file: "002_set.up.sql", line: 1 }],
    },
    {
      name: "before PostgreSQL 12 the scan cannot be skipped",
      pgVersion: 11,
      files: [
        {
          path: "001_check.up.sql",
          sql: "CREATE TABLE users (email text);\nALTER TABLE users ADD CONSTRAINT c CHECK (email IS NOT NULL);",
        },
        { path: "002_set.up.sql", sql: "ALTER TABLE users ALTER COLUMN email SET NOT NULL;" },
      ],
      errors: [{ messageId: "beforeTwelve", file: "002_set.up.sql", line: 1 }],
    },
  ],
});
