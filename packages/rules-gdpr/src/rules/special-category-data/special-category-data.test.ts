import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("special-category-data", rule, {
  valid: [
    "CREATE TABLE applicants (id bigint PRIMARY KEY, ethnicity bytea);\nCOMMENT ON COLUMN applicants.ethnicity IS '@pii @encrypted';",
    "CREATE TABLE applicants (id bigint PRIMARY KEY, race_finish_time interval);\nCOMMENT ON COLUMN applicants.race_finish_time IS '@not-sensitive marathon results';",
  ],
  invalid: [
    {
      sql: "CREATE TABLE applicants (id bigint PRIMARY KEY, ethnicity text, religion text);",
      errors: [
        { messageId: "special", line: 1 },
        { messageId: "special", line: 1 },
      ],
    },
  ],
});
