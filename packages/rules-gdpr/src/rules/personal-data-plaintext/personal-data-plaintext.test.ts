import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("personal-data-plaintext", rule, {
  valid: [
    "CREATE TABLE customers (id bigint PRIMARY KEY, national_id bytea);\nCOMMENT ON COLUMN customers.national_id IS '@pii @encrypted';",
    "CREATE TABLE customers (id bigint PRIMARY KEY, email_hash text);",
    "CREATE TABLE newsletters (id bigint PRIMARY KEY, email text);\nCOMMENT ON COLUMN newsletters.email IS '@not-sensitive shared team inbox';",
  ],
  invalid: [
    { sql: "CREATE TABLE customers (id bigint PRIMARY KEY, national_id text);", errors: [{ messageId: "plaintext", line: 1 }] },
    {
      sql: "CREATE TABLE people (id bigint PRIMARY KEY);\nALTER TABLE people ADD COLUMN date_of_birth date;",
      errors: [{ messageId: "plaintext", line: 2 }],
    },
  ],
});
