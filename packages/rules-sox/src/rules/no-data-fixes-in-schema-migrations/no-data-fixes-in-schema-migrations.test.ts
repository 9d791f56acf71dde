import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

const setup = {
  path: "001.up.sql",
  sql: "CREATE TABLE invoices (id bigint, amount_cents bigint);\nCREATE TABLE projects (id bigint);",
};

tester.run("no-data-fixes-in-schema-migrations", rule, {
  valid: [
    { files: [setup, { path: "002.up.sql", sql: "UPDATE invoices SET amount_cents = 0 WHERE id = 1;" }] },
    {
      files: [
        setup,
        { path: "002.up.sql", sql: "ALTER TABLE projects ADD COLUMN title text;\nUPDATE projects SET title = 'x';" },
      ],
    },
  ],
  invalid: [
    {
      files: [
        setup,
        {
          path: "002.up.sql",
          sql: "ALTER TABLE invoices ADD COLUMN currency text;\nUPDATE invoices SET amount_cents = amount_cents * 100;",
        },
      ],
      errors: [{ messageId: "mixed", file: "002.up.sql", line: 2 }],
    },
  ],
});
