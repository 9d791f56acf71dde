import { RuleTester } from "../../testing/index.js";
import { constraintNamingConvention } from "./index.js";

new RuleTester().run("constraint-naming-convention", constraintNamingConvention, {
  valid: [
    "CREATE TABLE users (id bigint CONSTRAINT users_pkey PRIMARY KEY, email text CONSTRAINT users_email_key UNIQUE, age bigint CONSTRAINT users_age_check CHECK (age > 0));",
    "CREATE TABLE users (id bigint PRIMARY KEY, email text UNIQUE);",
    "ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age > 0) NOT VALID;",
    { sql: "ALTER TABLE users ADD CONSTRAINT ck_users_age CHECK (age > 0);", options: { check: "^ck_{table}_" } },
  ],
  invalid: [
    {
      sql: "ALTER TABLE users ADD CONSTRAINT positive_age CHECK (age > 0);",
      errors: [
        {
          messageId: "mismatch",
          line: 1,
          message:
            "The check constraint positive_age does not match the convention ^{table}_[a-z0-9_]+_check$ (with {table} = users).",
        },
      ],
    },
    {
      sql: "CREATE TABLE users (\n  id bigint,\n  CONSTRAINT pk PRIMARY KEY (id)\n);",
      errors: [{ messageId: "mismatch", line: 3 }],
    },
  ],
});
