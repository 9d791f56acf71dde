import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("no-credentials-in-migrations", rule, {
  valid: ["CREATE ROLE reporting LOGIN;", "ALTER ROLE reporting PASSWORD NULL;", "CREATE ROLE readers NOLOGIN;"],
  invalid: [
    { sql: "CREATE ROLE reporting LOGIN PASSWORD 'reporting2024';", errors: [{ messageId: "literal", line: 1 }] },
    { sql: "SELECT 1;\nCREATE USER admin WITH PASSWORD 'postgres';", errors: [{ messageId: "wellKnown", line: 2 }] },
    { sql: "ALTER ROLE app WITH LOGIN PASSWORD 's3cr3t' VALID UNTIL '2030-01-01';", errors: [{ messageId: "literal", line: 1 }] },
  ],
});
