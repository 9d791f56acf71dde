import { RuleTester } from "../../testing/index.js";
import { noTextInIndexes } from "./index.js";

new RuleTester().run("no-text-in-indexes", noTextInIndexes, {
  valid: [
    "CREATE TABLE t (code varchar(20));\nCREATE INDEX t_code_idx ON t (code);",
    "CREATE TABLE t (body text);\nCREATE INDEX t_body_idx ON t USING hash (body);",
    "CREATE TABLE t (body text);\nCREATE INDEX t_body_idx ON t (md5(body));",
    "CREATE INDEX unknown_idx ON unknown_table (body);",
  ],
  invalid: [
    {
      sql: "CREATE TABLE t (body text, id bigint);\nCREATE INDEX t_body_idx ON t (body, id);",
      errors: [{ messageId: "unbounded", line: 2 }],
    },
    {
      files: [
        { path: "001_t.up.sql", sql: "CREATE TABLE t (name varchar);" },
        { path: "002_i.up.sql", sql: "CREATE UNIQUE INDEX t_name_key ON t (name);" },
      ],
      errors: [{ messageId: "unbounded", file: "002_i.up.sql", line: 1 }],
    },
  ],
});
