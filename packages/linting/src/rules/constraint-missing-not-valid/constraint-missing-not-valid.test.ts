import { RuleTester } from "../../testing/index.js";
import { constraintMissingNotValid } from "./index.js";

const noWrap = { runnerWrapsInTransaction: false };

new RuleTester().run("constraint-missing-not-valid", constraintMissingNotValid, {
  valid: [
    "ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0) NOT VALID;",
    {
      sql: "ALTER TABLE users ADD CONSTRAINT c CHECK (age >= 0) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT c;",
      settings: noWrap,
    },
    "CREATE TABLE users (age bigint);\nALTER TABLE users ADD CONSTRAINT c CHECK (age >= 0);",
    // Unique and primary keys cannot be NOT VALID: their own rules cover them.
    "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);",
  ],
  invalid: [
    {
      sql: "ALTER TABLE users\n  ADD CONSTRAINT users_age_check CHECK (age >= 0);",
      errors: [{ messageId: "missingNotValid", line: 2 }],
    },
    {
      sql: "ALTER TABLE orders ADD CONSTRAINT f FOREIGN KEY (user_id) REFERENCES users (id);",
      errors: [{ messageId: "missingNotValid", line: 1 }],
    },
    {
      sql: "BEGIN;\nALTER TABLE users ADD CONSTRAINT c CHECK (age >= 0) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT c;\nCOMMIT;",
      settings: noWrap,
      errors: [{ messageId: "validateInSameTransaction", line: 3 }],
    },
    // The runner's transaction holds the lock just the same.
    {
      sql: "ALTER TABLE users ADD CONSTRAINT c CHECK (age >= 0) NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT c;",
      errors: [{ messageId: "validateInSameTransaction", line: 2 }],
    },
  ],
});
