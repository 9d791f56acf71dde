import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("no-public-grant-on-cardholder-data", rule, {
  valid: [
    "CREATE TABLE cards (id bigint PRIMARY KEY, card_token text, pan bytea);\nGRANT SELECT ON cards TO payments_service;",
    "CREATE TABLE products (id bigint PRIMARY KEY);\nGRANT SELECT ON products TO PUBLIC;",
  ],
  invalid: [
    {
      sql: "CREATE TABLE cards (id bigint PRIMARY KEY, pan bytea);\nGRANT SELECT ON cards TO PUBLIC;",
      errors: [{ messageId: "toPublic", line: 2 }],
    },
  ],
});
