import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("audit-log-append-only", rule, {
  valid: [
    {
      files: [
        { path: "001.up.sql", sql: "CREATE TABLE audit_log (id bigint);" },
        { path: "002.up.sql", sql: "INSERT INTO audit_log VALUES (1);" },
      ],
    },
  ],
  invalid: [
    {
      files: [
        { path: "001.up.sql", sql: "CREATE TABLE audit_log (id bigint);" },
        { path: "002.up.sql", sql: "DELETE FROM audit_log;" },
      ],
      errors: [{ messageId: "rewrite", line: 1 }],
    },
  ],
});
