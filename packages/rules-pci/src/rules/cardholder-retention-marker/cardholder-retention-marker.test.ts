import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("cardholder-retention-marker", rule, {
  valid: [
    "CREATE TABLE cards (id bigint PRIMARY KEY, pan bytea, purge_after timestamptz NOT NULL);",
    "CREATE TABLE cards (id bigint PRIMARY KEY, pan bytea);\nCOMMENT ON TABLE cards IS '@retention(13m)';",
  ],
  invalid: [{ sql: "CREATE TABLE cards (id bigint PRIMARY KEY, pan bytea);", errors: [{ messageId: "noRetention", line: 1 }] }],
});
