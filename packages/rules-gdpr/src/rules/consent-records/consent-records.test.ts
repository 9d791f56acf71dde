import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("consent-records", rule, {
  valid: [
    "CREATE TABLE consents (id bigint PRIMARY KEY, purpose text NOT NULL, granted_at timestamptz NOT NULL, withdrawn_at timestamptz);",
    "CREATE TABLE projects (id bigint PRIMARY KEY);",
  ],
  invalid: [
    {
      sql: "CREATE TABLE marketing_consents (id bigint PRIMARY KEY, accepted boolean);",
      errors: [
        {
          messageId: "missing",
          line: 1,
          message:
            "Consent table marketing_consents has no purpose, granted_at, withdrawn_at column(s): consent cannot be demonstrated per purpose or withdrawn.",
        },
      ],
    },
    {
      sql: "CREATE TABLE consents (id bigint PRIMARY KEY, purpose text, granted_at timestamptz);",
      errors: [{ messageId: "missing", line: 1 }],
    },
  ],
});
