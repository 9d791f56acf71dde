import { RuleTester } from "../../testing/index.js";
import { addingPrimaryKeyConstraint } from "./index.js";

new RuleTester().run("adding-primary-key-constraint", addingPrimaryKeyConstraint, {
  valid: [
    "ALTER TABLE items ADD CONSTRAINT items_pkey PRIMARY KEY USING INDEX items_id_key;",
    "CREATE TABLE items (id bigint);\nALTER TABLE items ADD PRIMARY KEY (id);",
    // Written on ADD COLUMN: adding-serial-primary-key-field reports it.
    "ALTER TABLE items ADD COLUMN id bigint PRIMARY KEY;",
  ],
  invalid: [
    { sql: "ALTER TABLE items ADD PRIMARY KEY (id);", errors: [{ messageId: "primaryKey", line: 1 }] },
    { sql: "ALTER TABLE items\n  ADD CONSTRAINT items_pkey PRIMARY KEY (id);", errors: [{ messageId: "primaryKey", line: 2 }] },
  ],
});
