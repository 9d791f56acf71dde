import { RuleTester } from "../../testing/index.js";
import { requirePrimaryKey } from "./index.js";

new RuleTester().run("require-primary-key", requirePrimaryKey, {
  valid: [
    "CREATE TABLE users (id bigint PRIMARY KEY);",
    "CREATE TABLE users (id bigint, CONSTRAINT users_pkey PRIMARY KEY (id));",
    {
      files: [
        { path: "001_a.up.sql", sql: "CREATE TABLE users (id bigint NOT NULL);" },
        { path: "002_b.up.sql", sql: "ALTER TABLE users ADD PRIMARY KEY (id);" },
      ],
    },
    "CREATE TEMP TABLE scratch (n bigint);",
    "CREATE VIEW v AS SELECT 1 AS one;",
    // Tables that predate the migrations are not known to lack one.
    "ALTER TABLE legacy ADD COLUMN note text;",
  ],
  invalid: [
    {
      sql: "SELECT 1;\nCREATE TABLE events (at timestamptz);",
      errors: [
        { messageId: "missingPrimaryKey", line: 2, message: "Table events has no primary key once all migrations have run." },
      ],
    },
    {
      files: [
        { path: "001_a.up.sql", sql: "CREATE TABLE users (id bigint PRIMARY KEY);" },
        { path: "002_b.up.sql", sql: "ALTER TABLE users DROP CONSTRAINT users_pkey;" },
      ],
      errors: [{ messageId: "missingPrimaryKey", file: "001_a.up.sql", line: 1 }],
    },
  ],
});
