import { RuleTester } from "../../testing/index.js";
import { foreignKeyNamingConvention } from "./index.js";

new RuleTester().run("foreign-key-naming-convention", foreignKeyNamingConvention, {
  valid: [
    "ALTER TABLE orders ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;",
    "CREATE TABLE orders (user_id bigint REFERENCES users (id));",
    {
      sql: "ALTER TABLE orders ADD CONSTRAINT fk_orders_users FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;",
      options: { pattern: "^fk_{table}_" },
    },
  ],
  invalid: [
    {
      sql: "ALTER TABLE orders ADD CONSTRAINT user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;",
      errors: [{ messageId: "mismatch", line: 1 }],
    },
    {
      sql: "CREATE TABLE orders (\n  user_id bigint CONSTRAINT to_users REFERENCES users (id)\n);",
      errors: [{ messageId: "mismatch", line: 2 }],
    },
  ],
});
