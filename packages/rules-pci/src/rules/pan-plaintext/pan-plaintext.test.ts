import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("pan-plaintext", rule, {
  valid: [
    "CREATE TABLE cards (id bigint PRIMARY KEY, card_token text, card_last4 char(4));",
    "CREATE TABLE cards (id bigint PRIMARY KEY, pan bytea);\nCOMMENT ON COLUMN cards.pan IS '@pan @encrypted';",
    "CREATE TABLE companies (id bigint PRIMARY KEY, company text);",
  ],
  invalid: [
    {
      sql: "CREATE TABLE cards (id bigint PRIMARY KEY, card_number varchar(19));",
      errors: [{ messageId: "plaintext", line: 1 }],
    },
    {
      sql: "CREATE TABLE orders (id bigint PRIMARY KEY);\nALTER TABLE orders ADD COLUMN credit_card_number text;",
      errors: [{ messageId: "plaintext", line: 2 }],
    },
  ],
});
