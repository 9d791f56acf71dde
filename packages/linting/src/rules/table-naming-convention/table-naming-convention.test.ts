import { RuleTester } from "../../testing/index.js";
import { tableNamingConvention } from "./index.js";

new RuleTester().run("table-naming-convention", tableNamingConvention, {
  valid: [
    "CREATE TABLE order_lines (id bigint);",
    "ALTER TABLE a RENAME TO order_items;",
    { sql: "CREATE TABLE tbl_orders (id bigint);", options: { pattern: "^tbl_[a-z_]+$" } },
  ],
  invalid: [
    {
      sql: 'CREATE TABLE "OrderLines" (id bigint);',
      errors: [
        {
          messageId: "mismatch",
          line: 1,
          column: 14,
          message: "Table name OrderLines does not match the convention ^[a-z][a-z0-9_]*$.",
        },
      ],
    },
    { sql: 'ALTER TABLE a RENAME TO "Order Items";', errors: [{ messageId: "mismatch", line: 1 }] },
    { sql: "CREATE TABLE orders (id bigint);", options: { pattern: "^tbl_[a-z_]+$" }, errors: [{ messageId: "mismatch" }] },
  ],
});
