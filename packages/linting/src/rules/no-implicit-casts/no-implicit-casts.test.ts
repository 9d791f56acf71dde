import { RuleTester } from "../../testing/index.js";
import { noImplicitCasts } from "./index.js";

new RuleTester().run("no-implicit-casts", noImplicitCasts, {
  valid: [
    "CREATE TABLE users (id bigint PRIMARY KEY);\nCREATE TABLE orders (user_id bigint REFERENCES users (id));",
    "CREATE TABLE users (id bigint PRIMARY KEY);\nCREATE TABLE orders (user_id bigint REFERENCES users);",
    "CREATE TABLE codes (code text PRIMARY KEY);\nCREATE TABLE items (code varchar(10) REFERENCES codes (code));",
    "CREATE TABLE orders (user_id integer REFERENCES legacy_users (id));",
  ],
  invalid: [
    {
      sql: "CREATE TABLE users (id bigint PRIMARY KEY);\nCREATE TABLE orders (\n  user_id integer REFERENCES users (id)\n);",
      errors: [
        {
          messageId: "mismatch",
          line: 2,
          message:
            "Foreign key orders_user_id_fkey compares orders.user_id (int4) with users.id (int8): every check and join casts one side, and an int4 referencing an int8 overflows first.",
        },
      ],
    },
    {
      files: [
        { path: "001_users.up.sql", sql: "CREATE TABLE users (id uuid PRIMARY KEY);" },
        {
          path: "002_orders.up.sql",
          sql: "CREATE TABLE orders (user_id text);\nALTER TABLE orders ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users NOT VALID;",
        },
      ],
      errors: [{ messageId: "mismatch", file: "002_orders.up.sql", line: 2 }],
    },
  ],
});
