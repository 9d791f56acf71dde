import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("no-cardholder-data-copy", rule, {
  valid: ["CREATE TABLE cards (id bigint PRIMARY KEY, pan bytea);\nCREATE VIEW card_count AS SELECT count(*) FROM cards;"],
  invalid: [
    {
      sql: "CREATE TABLE cards (id bigint PRIMARY KEY, pan bytea);\nCREATE TABLE cards_2024 AS SELECT * FROM cards;",
      errors: [{ messageId: "copy", line: 2 }],
    },
  ],
});
