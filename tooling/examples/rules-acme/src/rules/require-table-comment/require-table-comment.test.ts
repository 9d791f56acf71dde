import { RuleTester } from "@confiture/linting/testing";
import { requireTableComment } from "./index.js";

new RuleTester().run("require-table-comment", requireTableComment, {
  valid: [
    "CREATE TABLE orders (id bigint PRIMARY KEY);\nCOMMENT ON TABLE orders IS 'Customer orders. Owner: checkout';",
    {
      files: [
        { path: "001_orders.up.sql", sql: "CREATE TABLE orders (id bigint PRIMARY KEY);" },
        { path: "002_comment.up.sql", sql: "COMMENT ON TABLE orders IS 'Customer orders';" },
      ],
    },
    { sql: "CREATE TABLE scratch (id int);", options: { ignore: ["scratch"] } },
  ],
  invalid: [
    { sql: "SELECT 1;\nCREATE TABLE orders (id bigint PRIMARY KEY);", errors: [{ messageId: "missing", line: 2 }] },
    {
      sql: "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\nCOMMENT ON TABLE a IS 'x';",
      errors: [{ messageId: "missing", line: 2 }],
    },
  ],
});
