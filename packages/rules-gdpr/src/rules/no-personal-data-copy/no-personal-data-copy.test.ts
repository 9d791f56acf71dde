import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("no-personal-data-copy", rule, {
  valid: [
    "CREATE TABLE customers (id bigint PRIMARY KEY, country text);\nCREATE VIEW countries AS SELECT country, count(*) FROM customers GROUP BY country;",
  ],
  invalid: [
    {
      sql: "CREATE TABLE customers (id bigint PRIMARY KEY);\nCREATE TABLE customers_export AS SELECT * FROM customers;",
      errors: [{ messageId: "copy", line: 2 }],
    },
  ],
});
