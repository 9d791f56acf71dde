import { RuleTester } from "../../testing/index.js";
import { indexNamingConvention } from "./index.js";

new RuleTester().run("index-naming-convention", indexNamingConvention, {
  valid: [
    "CREATE INDEX users_email_idx ON users (email);",
    "CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);",
    "CREATE INDEX ON users (email);",
    { sql: "CREATE INDEX ix_users_email ON users (email);", options: { pattern: "^ix_{table}_" } },
  ],
  invalid: [
    {
      sql: "CREATE INDEX email_index ON users (email);",
      errors: [
        {
          messageId: "mismatch",
          line: 1,
          message: "Index name email_index does not match the convention ^{table}_[a-z0-9_]+_(idx|key)$ (with {table} = users).",
        },
      ],
    },
    { sql: "CREATE INDEX ON users (email);", options: { requireName: true }, errors: [{ messageId: "unnamed", line: 1 }] },
  ],
});
