import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("financial-audit-columns", rule, {
  valid: [
    "CREATE TABLE invoices (id bigint PRIMARY KEY, amount_cents bigint, created_at timestamptz, updated_at timestamptz, created_by text, updated_by text);",
    "CREATE TABLE projects (id bigint PRIMARY KEY, title text);",
  ],
  invalid: [
    {
      sql: "CREATE TABLE invoices (id bigint PRIMARY KEY, amount_cents bigint, created_at timestamptz);",
      errors: [
        {
          messageId: "missing",
          line: 1,
          message:
            "Financial table invoices has no updated_at, created_by, updated_by column(s): who changed a record, and when, cannot be shown.",
        },
      ],
    },
  ],
});
