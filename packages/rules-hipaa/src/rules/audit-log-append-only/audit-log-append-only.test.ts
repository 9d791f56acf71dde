import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("audit-log-append-only", rule, {
  valid: [
    {
      files: [
        { path: "001.up.sql", sql: "CREATE TABLE audit_log (id bigint, detail text);" },
        { path: "002.up.sql", sql: "INSERT INTO audit_log VALUES (1, 'x');" },
      ],
    },
    "CREATE TABLE audit_log (id bigint);\nDELETE FROM audit_log;",
    {
      files: [
        { path: "001.up.sql", sql: "CREATE TABLE projects (id bigint);" },
        { path: "002.up.sql", sql: "DELETE FROM projects;" },
      ],
    },
  ],
  invalid: [
    {
      files: [
        { path: "001.up.sql", sql: "CREATE TABLE audit_log (id bigint, created_at timestamptz);" },
        { path: "002.up.sql", sql: "SELECT 1;\nDELETE FROM audit_log WHERE created_at < now() - interval '1 year';" },
      ],
      errors: [{ messageId: "rewrite", file: "002.up.sql", line: 2 }],
    },
    {
      files: [
        { path: "001.up.sql", sql: "CREATE TABLE audit_trail (id bigint);" },
        { path: "002.up.sql", sql: "TRUNCATE audit_trail;\nDROP TABLE audit_trail;" },
      ],
      errors: [
        { messageId: "rewrite", line: 1 },
        { messageId: "rewrite", line: 2 },
      ],
    },
  ],
});
