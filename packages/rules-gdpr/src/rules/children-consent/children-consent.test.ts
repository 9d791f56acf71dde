import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("children-consent", rule, {
  valid: [
    "CREATE TABLE members (id bigint PRIMARY KEY, date_of_birth date, parental_consent_at timestamptz);",
    "CREATE TABLE members (id bigint PRIMARY KEY, dob date);\nCOMMENT ON TABLE members IS '@age-verified sign-up refuses under 16';",
    "CREATE TABLE projects (id bigint PRIMARY KEY, due_date date);",
  ],
  invalid: [
    { sql: "CREATE TABLE members (id bigint PRIMARY KEY, date_of_birth date);", errors: [{ messageId: "missing", line: 1 }] },
  ],
});
