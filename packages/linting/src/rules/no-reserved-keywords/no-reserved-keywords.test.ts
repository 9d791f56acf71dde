import { RuleTester } from "../../testing/index.js";
import { noReservedKeywords } from "./index.js";

new RuleTester().run("no-reserved-keywords", noReservedKeywords, {
  valid: [
    "CREATE TABLE accounts (name text, type text, position bigint);",
    'SELECT "order" FROM t;',
    'CREATE TABLE "Order" (id bigint);',
  ],
  invalid: [
    {
      sql: 'CREATE TABLE "user" (id bigint);',
      errors: [
        {
          messageId: "reserved",
          line: 1,
          column: 14,
          message: 'The table name user is a reserved SQL keyword: every query must quote it ("user").',
        },
      ],
    },
    {
      sql: 'CREATE TABLE orders (\n  "order" bigint,\n  "left" text\n);',
      errors: [
        { messageId: "reserved", line: 2 },
        { messageId: "reserved", line: 3 },
      ],
    },
    { sql: 'ALTER TABLE t RENAME COLUMN a TO "select";', errors: [{ messageId: "reserved", line: 1 }] },
  ],
});
