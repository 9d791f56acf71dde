import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("personal-data-requires-rls", rule, {
  valid: [
    "CREATE TABLE customers (id bigint PRIMARY KEY, email bytea);\nALTER TABLE customers ENABLE ROW LEVEL SECURITY;\nCREATE POLICY by_tenant ON customers USING (true);",
    "CREATE TABLE projects (id bigint PRIMARY KEY);",
  ],
  invalid: [
    {
      sql: "CREATE TABLE customers (id bigint PRIMARY KEY, email bytea);",
      errors: [{ messageId: "noRowLevelSecurity", line: 1 }],
    },
  ],
});
