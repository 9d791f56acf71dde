import { RuleTester } from "../../testing/index.js";
import { requireForeignKeyIndex } from "./index.js";

const users = "CREATE TABLE users (id bigint PRIMARY KEY);\n";

new RuleTester().run("require-foreign-key-index", requireForeignKeyIndex, {
  valid: [
    `${users}CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id));\nCREATE INDEX orders_user_id_idx ON orders (user_id);`,
    `${users}CREATE TABLE orders (user_id bigint REFERENCES users (id), day date, PRIMARY KEY (user_id, day));`,
  ],
  invalid: [
    {
      sql: `${users}CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id));`,
      errors: [
        {
          messageId: "missingIndex",
          line: 2,
          message:
            "No index starts with (user_id) on orders: each DELETE or key UPDATE on public.users scans orders in full to check foreign key orders_user_id_fkey, under a lock.",
        },
      ],
    },
    {
      name: "an index that does not lead with the columns does not help",
      sql: `${users}CREATE TABLE orders (id bigint PRIMARY KEY, day date, user_id bigint REFERENCES users (id));\nCREATE INDEX orders_day_user_idx ON orders (day, user_id);`,
      errors: [{ messageId: "missingIndex", line: 2 }],
    },
  ],
});
