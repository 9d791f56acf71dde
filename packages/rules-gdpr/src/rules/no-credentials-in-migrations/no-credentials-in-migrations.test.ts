import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("no-credentials-in-migrations", rule, {
  valid: ["CREATE ROLE analytics LOGIN;"],
  invalid: [{ sql: "CREATE ROLE analytics LOGIN PASSWORD 'analytics-2024';", errors: [{ messageId: "literal", line: 1 }] }],
});
