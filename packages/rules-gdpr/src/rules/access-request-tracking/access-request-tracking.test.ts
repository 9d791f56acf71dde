import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("access-request-tracking", rule, {
  valid: [
    "CREATE TABLE customers (id bigint PRIMARY KEY, email bytea);\nCREATE TABLE data_subject_requests (id bigint PRIMARY KEY, kind text);",
    "CREATE TABLE projects (id bigint PRIMARY KEY);",
  ],
  invalid: [
    {
      sql: "SELECT 1;\nCREATE TABLE customers (id bigint PRIMARY KEY, email bytea);",
      errors: [{ messageId: "missing", line: 2 }],
    },
  ],
});
