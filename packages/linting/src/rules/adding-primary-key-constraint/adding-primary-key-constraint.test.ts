import { RuleTester } from "../../testing/index.js";
import { addingPrimaryKeyConstraint } from "./index.js";

new RuleTester().run("adding-primary-key-constraint", addingPrimaryKeyConstraint, {
  valid: [
    {
      name: "USING INDEX on a NOT NULL column, or one a validated CHECK proves",
      files: [
        { path: "001_items.up.sql", sql: "CREATE TABLE items (id bigint NOT NULL);\nCREATE TABLE codes (code text);" },
        {
          path: "002_pk.up.sql",
          sql: "ALTER TABLE codes ADD CONSTRAINT code_nn CHECK (code IS NOT NULL);\nCREATE UNIQUE INDEX CONCURRENTLY items_id_key ON items (id);\nCREATE UNIQUE INDEX CONCURRENTLY codes_code_key ON codes (code);",
        },
        {
          path: "003_pk.up.sql",
          sql: "ALTER TABLE items ADD CONSTRAINT items_pkey PRIMARY KEY USING INDEX items_id_key;\nALTER TABLE codes ADD CONSTRAINT codes_pkey PRIMARY KEY USING INDEX codes_code_key;",
        },
      ],
    },
    "ALTER TABLE items ADD CONSTRAINT items_pkey PRIMARY KEY USING INDEX items_id_key;",
    "CREATE TABLE items (id bigint);\nALTER TABLE items ADD PRIMARY KEY (id);",
    // Written on ADD COLUMN: adding-serial-primary-key-field reports it.
    "ALTER TABLE items ADD COLUMN id bigint PRIMARY KEY;",
  ],
  invalid: [
    {
      name: "USING INDEX on a column the schema model knows is nullable",
      files: [
        { path: "001_items.up.sql", sql: "CREATE TABLE items (id bigint, name text);" },
        {
          path: "002_pk.up.sql",
          sql: "CREATE UNIQUE INDEX CONCURRENTLY items_id_key ON items (id);\nALTER TABLE items ADD CONSTRAINT items_pkey PRIMARY KEY USING INDEX items_id_key;",
        },
      ],
      errors: [{ messageId: "nullableKey", file: "002_pk.up.sql", line: 2 }],
    },
    { sql: "ALTER TABLE items ADD PRIMARY KEY (id);", errors: [{ messageId: "primaryKey", line: 1 }] },
    { sql: "ALTER TABLE items\n  ADD CONSTRAINT items_pkey PRIMARY KEY (id);", errors: [{ messageId: "primaryKey", line: 2 }] },
  ],
});
