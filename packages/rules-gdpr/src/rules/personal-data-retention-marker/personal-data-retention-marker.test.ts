import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("personal-data-retention-marker", rule, {
  valid: [
    "CREATE TABLE customers (id bigint PRIMARY KEY, email bytea);\nCOMMENT ON TABLE customers IS '@retention(3y)';",
    "CREATE TABLE customers (id bigint PRIMARY KEY, email bytea, delete_after timestamptz);",
    "CREATE TABLE projects (id bigint PRIMARY KEY);",
  ],
  invalid: [
    { sql: "CREATE TABLE customers (id bigint PRIMARY KEY, email bytea);", errors: [{ messageId: "noRetention", line: 1 }] },
  ],
});
