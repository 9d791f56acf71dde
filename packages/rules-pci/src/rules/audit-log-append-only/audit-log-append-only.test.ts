import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("audit-log-append-only", rule, {
  valid: [
    {
      files: [
        { path: "001.up.sql", sql: "CREATE TABLE audit_log (id bigint, action text);" },
        { path: "002.up.sql", sql: "INSERT INTO audit_log VALUES (1, 'rotated');" },
      ],
    },
  ],
  invalid: [
    {
      files: [
        { path: "001.up.sql", sql: "CREATE TABLE audit_log (id bigint);" },
        { path: "002.up.sql", sql: "UPDATE audit_log SET id = 0;" },
      ],
      errors: [{ messageId: "rewrite", file: "002.up.sql", line: 1 }],
    },
  ],
});
