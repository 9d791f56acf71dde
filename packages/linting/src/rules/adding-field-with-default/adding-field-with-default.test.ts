import { RuleTester } from "../../testing/index.js";
import { addingFieldWithDefault } from "./index.js";

new RuleTester().run("adding-field-with-default", addingFieldWithDefault, {
  valid: [
    // A constant or stable default is stored in the catalog from PostgreSQL 11: no rewrite.
    "ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';",
    "ALTER TABLE users ADD COLUMN created_at timestamptz DEFAULT now();",
    "ALTER TABLE users ADD COLUMN flags bigint DEFAULT 1 + 2;",
    "ALTER TABLE users ADD COLUMN note text DEFAULT NULL;",
    { sql: "ALTER TABLE users ADD COLUMN plan text DEFAULT 'free';", pgVersion: 11 },
    "ALTER TABLE users ADD COLUMN total bigint GENERATED ALWAYS AS (a + b) VIRTUAL;",
    "CREATE TABLE users (id bigint);\nALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();",
    {
      name: "a function declared STABLE by the migrations is not volatile",
      sql: "CREATE FUNCTION current_tenant() RETURNS bigint STABLE LANGUAGE sql AS 'SELECT 1';\nALTER TABLE users ADD COLUMN tenant bigint DEFAULT current_tenant();",
    },
  ],
  invalid: [
    {
      sql: "ALTER TABLE users\n  ADD COLUMN token uuid DEFAULT gen_random_uuid();",
      errors: [{ messageId: "volatileDefault", line: 2 }],
    },
    { sql: "ALTER TABLE users ADD COLUMN r float8 DEFAULT random() * 10;", errors: [{ messageId: "volatileDefault", line: 1 }] },
    {
      name: "an unknown function is assumed volatile",
      sql: "ALTER TABLE users ADD COLUMN code text DEFAULT make_code();",
      errors: [{ messageId: "volatileDefault", line: 1 }],
    },
    {
      sql: "ALTER TABLE users ADD COLUMN total bigint GENERATED ALWAYS AS (a + b) STORED;",
      errors: [{ messageId: "generated", line: 1 }],
    },
    { sql: "ALTER TABLE users ADD COLUMN n bigint GENERATED ALWAYS AS IDENTITY;", errors: [{ messageId: "sequence", line: 1 }] },
    { sql: "ALTER TABLE users ADD COLUMN n bigserial;", errors: [{ messageId: "sequence", line: 1 }] },
  ],
});
