import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("cardholder-data-requires-rls", rule, {
  valid: [
    "CREATE TABLE cards (id bigint PRIMARY KEY, pan bytea);\nALTER TABLE cards ENABLE ROW LEVEL SECURITY;\nCREATE POLICY by_merchant ON cards USING (true);",
    "CREATE TABLE products (id bigint PRIMARY KEY);",
  ],
  invalid: [
    { sql: "CREATE TABLE cards (id bigint PRIMARY KEY, pan bytea);", errors: [{ messageId: "noRowLevelSecurity", line: 1 }] },
  ],
});
