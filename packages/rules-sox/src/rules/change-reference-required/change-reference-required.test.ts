import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("change-reference-required", rule, {
  valid: [
    "-- change: FIN-482\nCREATE TABLE invoices (id bigint, amount_cents bigint);",
    "/* ticket: OPS-7 */ CREATE TABLE ledger (id bigint);",
    "CREATE TABLE projects (id bigint);",
  ],
  invalid: [
    {
      sql: "-- add invoices\nCREATE TABLE invoices (id bigint, amount_cents bigint);",
      errors: [{ messageId: "missing", line: 1 }],
    },
    {
      sql: "CREATE TABLE invoices (id bigint, amount_cents bigint);\nSELECT '-- change: FIN-1';",
      errors: [{ messageId: "missing", line: 1 }],
    },
  ],
});
