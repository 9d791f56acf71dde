import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("no-select-star-views-on-personal-data", rule, {
  valid: [
    "CREATE TABLE customers (id bigint PRIMARY KEY, country text);\nCREATE VIEW v AS SELECT id, country FROM customers;",
    "CREATE TABLE projects (id bigint PRIMARY KEY);\nCREATE VIEW v AS SELECT * FROM projects;",
  ],
  invalid: [
    {
      sql: "CREATE TABLE customers (id bigint PRIMARY KEY);\nCREATE VIEW support_customers AS SELECT * FROM customers;",
      errors: [{ messageId: "star", line: 2 }],
    },
    {
      sql: "CREATE TABLE customers (id bigint PRIMARY KEY);\nCREATE TABLE orders (id bigint, customer_id bigint);\nCREATE VIEW v AS SELECT c.* FROM orders o JOIN customers c ON c.id = o.customer_id;",
      errors: [{ messageId: "star", line: 3 }],
    },
  ],
});
