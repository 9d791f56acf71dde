import { RuleTester } from "../../testing/index.js";
import { disallowedUniqueConstraint } from "./index.js";

new RuleTester().run("disallowed-unique-constraint", disallowedUniqueConstraint, {
  valid: [
    "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;",
    "CREATE TABLE users (email text UNIQUE);",
    "CREATE TABLE users (email text);\nALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);",
  ],
  invalid: [
    {
      sql: "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);",
      errors: [
        {
          messageId: "unique",
          line: 1,
          message:
            "Adding a UNIQUE constraint to users builds its index under an AccessExclusiveLock: reads and writes wait for the whole build.",
        },
      ],
    },
    { sql: "ALTER TABLE users\n  ADD COLUMN handle text UNIQUE;", errors: [{ messageId: "unique", line: 2 }] },
  ],
});
