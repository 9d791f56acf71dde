import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("no-sensitive-authentication-data", rule, {
  valid: [
    "CREATE TABLE payments (id bigint PRIMARY KEY, card_token text, card_last4 char(4));",
    "CREATE TABLE settings (id bigint PRIMARY KEY, pinned_at timestamptz, company text);",
  ],
  invalid: [
    {
      sql: "CREATE TABLE payments (id bigint PRIMARY KEY, card_token text, cvv varchar(4));",
      errors: [{ messageId: "forbidden", line: 1 }],
    },
    {
      sql: "CREATE TABLE payments (id bigint PRIMARY KEY);\nALTER TABLE payments ADD COLUMN pin_block bytea;",
      errors: [{ messageId: "forbidden", line: 2 }],
    },
    {
      sql: "CREATE TABLE swipes (id bigint PRIMARY KEY, raw bytea);\nCOMMENT ON COLUMN swipes.raw IS '@sad magnetic stripe';",
      errors: [{ messageId: "forbidden", line: 1 }],
    },
  ],
});
