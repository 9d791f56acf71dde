import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("ledger-append-only", rule, {
  valid: [
    {
      files: [
        { path: "001.up.sql", sql: "CREATE TABLE journal_entries (id bigint, amount_cents bigint);" },
        { path: "002.up.sql", sql: "INSERT INTO journal_entries VALUES (2, -1999);" },
      ],
    },
  ],
  invalid: [
    {
      files: [
        { path: "001.up.sql", sql: "CREATE TABLE journal_entries (id bigint, amount_cents bigint);" },
        { path: "002.up.sql", sql: "UPDATE journal_entries SET amount_cents = 0 WHERE id = 42;" },
      ],
      errors: [{ messageId: "rewrite", line: 1 }],
    },
  ],
});
