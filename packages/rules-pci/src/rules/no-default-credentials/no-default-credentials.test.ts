import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("no-default-credentials", rule, {
  valid: ["CREATE ROLE payments LOGIN;"],
  invalid: [
    { sql: "CREATE ROLE payments LOGIN PASSWORD 'changeme';", errors: [{ messageId: "wellKnown", line: 1 }] },
    { sql: "CREATE ROLE payments LOGIN PASSWORD 'k7#pQ2!x';", errors: [{ messageId: "literal", line: 1 }] },
  ],
});
