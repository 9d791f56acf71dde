import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("no-public-grant-on-personal-data", rule, {
  valid: [
    "CREATE TABLE customers (id bigint PRIMARY KEY);\nGRANT SELECT ON customers TO support_agent;",
    "CREATE TABLE projects (id bigint PRIMARY KEY);\nGRANT SELECT ON projects TO PUBLIC;",
  ],
  invalid: [
    {
      sql: "CREATE TABLE customers (id bigint PRIMARY KEY);\nGRANT SELECT ON customers TO PUBLIC;",
      errors: [{ messageId: "toPublic", line: 2 }],
    },
  ],
});
