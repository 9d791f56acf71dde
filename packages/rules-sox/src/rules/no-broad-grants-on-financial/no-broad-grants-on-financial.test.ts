import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("no-broad-grants-on-financial", rule, {
  valid: [
    "CREATE TABLE invoices (id bigint, amount_cents bigint);\nGRANT SELECT, INSERT ON invoices TO finance_app;",
    "CREATE TABLE projects (id bigint);\nGRANT ALL ON projects TO app;",
  ],
  invalid: [
    {
      sql: "CREATE TABLE invoices (id bigint, amount_cents bigint);\nGRANT ALL ON invoices TO finance_app;",
      errors: [{ messageId: "allPrivileges", line: 2 }],
    },
    {
      sql: "CREATE TABLE invoices (id bigint, amount_cents bigint);\nGRANT SELECT ON invoices TO PUBLIC;",
      errors: [{ messageId: "toPublic", line: 2 }],
    },
  ],
});
