import { RuleTester } from "../../testing/index.js";
import { addingSerialPrimaryKeyField } from "./index.js";

new RuleTester().run("adding-serial-primary-key-field", addingSerialPrimaryKeyField, {
  valid: [
    "ALTER TABLE items ADD COLUMN id bigint;",
    "CREATE TABLE items (n text);\nALTER TABLE items ADD COLUMN id bigserial PRIMARY KEY;",
  ],
  invalid: [
    { sql: "ALTER TABLE items ADD COLUMN id bigserial PRIMARY KEY;", errors: [{ messageId: "primaryKeyColumn", line: 1 }] },
    {
      sql: "ALTER TABLE items\n  ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY\n  PRIMARY KEY;",
      errors: [{ messageId: "primaryKeyColumn", line: 3 }],
    },
  ],
});
