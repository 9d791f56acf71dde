import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("erasure-path", rule, {
  valid: [
    "CREATE TABLE customers (id bigint PRIMARY KEY, email bytea);\nCREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id) ON DELETE SET NULL);",
    "CREATE TABLE customers (id bigint PRIMARY KEY);\nCREATE TABLE addresses (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id) ON DELETE CASCADE);",
    "CREATE TABLE projects (id bigint PRIMARY KEY);\nCREATE TABLE tasks (id bigint PRIMARY KEY, project_id bigint REFERENCES projects (id));",
  ],
  invalid: [
    {
      sql: "CREATE TABLE customers (id bigint PRIMARY KEY, email bytea);\nCREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id));",
      errors: [{ messageId: "blocking", line: 2 }],
    },
    {
      files: [
        {
          path: "001.up.sql",
          sql: "CREATE TABLE customers (id bigint PRIMARY KEY);\nCREATE TABLE invoices (id bigint PRIMARY KEY, customer_id bigint);",
        },
        {
          path: "002.up.sql",
          sql: "ALTER TABLE invoices ADD CONSTRAINT invoices_customer_fkey FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE RESTRICT;",
        },
      ],
      errors: [{ messageId: "blocking", file: "002.up.sql", line: 1 }],
    },
  ],
});
