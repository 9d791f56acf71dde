import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

const setup = {
  path: "001.up.sql",
  sql: "CREATE TABLE invoices (id bigint, amount_cents bigint, tax_cents bigint);\nCREATE TABLE projects (id bigint, title text);",
};

tester.run("no-drop-financial-data", rule, {
  valid: [
    { files: [setup, { path: "002.up.sql", sql: "ALTER TABLE projects DROP COLUMN title;\nDROP TABLE projects;" }] },
    "CREATE TABLE invoices_staging (id bigint, amount_cents bigint);\nDROP TABLE invoices_staging;",
  ],
  invalid: [
    {
      files: [setup, { path: "002.up.sql", sql: "ALTER TABLE invoices DROP COLUMN tax_cents;" }],
      errors: [{ messageId: "dropColumn", line: 1 }],
    },
    {
      files: [setup, { path: "002.up.sql", sql: "SELECT 1;\nDROP TABLE invoices;" }],
      errors: [{ messageId: "dropTable", line: 2 }],
    },
  ],
});
