import { RuleTester } from "../../testing/index.js";
import { addingForeignKeyConstraint } from "./index.js";

new RuleTester().run("adding-foreign-key-constraint", addingForeignKeyConstraint, {
  valid: [
    "ALTER TABLE orders ADD CONSTRAINT orders_user_fkey FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;",
    "ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fkey;",
    "CREATE TABLE orders (id bigint, user_id bigint REFERENCES users (id));",
    "CREATE TABLE orders (id bigint);\nALTER TABLE orders ADD COLUMN user_id bigint REFERENCES users (id);",
  ],
  invalid: [
    {
      sql: "ALTER TABLE orders\n  ADD CONSTRAINT orders_user_fkey FOREIGN KEY (user_id) REFERENCES users (id);",
      errors: [
        {
          messageId: "foreignKey",
          line: 2,
          message:
            "Adding a foreign key to orders scans it while holding ShareRowExclusiveLocks on orders and users: writes to both tables wait.",
        },
      ],
    },
    {
      sql: "ALTER TABLE orders ADD COLUMN user_id bigint REFERENCES users (id);",
      errors: [{ messageId: "inlineReference", line: 1 }],
    },
  ],
});
