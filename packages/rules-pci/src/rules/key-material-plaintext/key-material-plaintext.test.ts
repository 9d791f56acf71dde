import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("key-material-plaintext", rule, {
  valid: [
    "CREATE TABLE merchants (id bigint PRIMARY KEY, key_reference text);",
    "CREATE TABLE merchants (id bigint PRIMARY KEY, wrapped_data_key bytea);\nCOMMENT ON COLUMN merchants.wrapped_data_key IS '@credential @encrypted';",
  ],
  invalid: [
    {
      sql: "CREATE TABLE merchants (id bigint PRIMARY KEY, encryption_key text);",
      errors: [{ messageId: "plaintext", line: 1 }],
    },
    {
      sql: "CREATE TABLE integrations (id bigint PRIMARY KEY, api_key varchar(64));",
      errors: [{ messageId: "plaintext", line: 1 }],
    },
  ],
});
