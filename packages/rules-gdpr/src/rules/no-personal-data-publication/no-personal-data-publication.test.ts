import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("no-personal-data-publication", rule, {
  valid: [
    "CREATE TABLE customers (id bigint PRIMARY KEY);\nCREATE TABLE orders_anonymised (id bigint);\nCREATE PUBLICATION analytics FOR TABLE orders_anonymised;",
    "CREATE TABLE projects (id bigint PRIMARY KEY);\nCREATE PUBLICATION everything FOR ALL TABLES;",
  ],
  invalid: [
    {
      sql: "CREATE TABLE customers (id bigint PRIMARY KEY);\nCREATE PUBLICATION analytics FOR ALL TABLES;",
      errors: [{ messageId: "publication", line: 2 }],
    },
    {
      sql: "CREATE TABLE customers (id bigint PRIMARY KEY);\nCREATE PUBLICATION crm FOR TABLE customers;",
      errors: [{ messageId: "publication", line: 2 }],
    },
  ],
});
