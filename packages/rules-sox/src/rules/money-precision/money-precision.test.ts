import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("money-precision", rule, {
  valid: [
    "CREATE TABLE payments (id bigint, amount numeric(19, 4), currency char(3));",
    "CREATE TABLE sensors (id bigint, temperature double precision);",
  ],
  invalid: [
    { sql: "CREATE TABLE payments (id bigint, amount double precision);", errors: [{ messageId: "inexact", line: 1 }] },
    {
      sql: "CREATE TABLE payroll (id bigint);\nALTER TABLE payroll ADD COLUMN salary money;",
      errors: [{ messageId: "inexact", line: 2 }],
    },
    {
      name: "points at the column's own line in a multi-line CREATE TABLE",
      sql: "CREATE TABLE invoices (\n  id bigint PRIMARY KEY,\n  note text,\n  total real\n);",
      errors: [{ messageId: "inexact", line: 4, column: 3 }],
    },
  ],
});
