import { RuleTester } from "../../testing/index.js";
import { noDuplicateIndexes } from "./index.js";

new RuleTester().run("no-duplicate-indexes", noDuplicateIndexes, {
  valid: [
    "CREATE TABLE t (a bigint, b bigint);\nCREATE INDEX t_a_idx ON t (a);\nCREATE INDEX t_b_idx ON t (b);",
    "CREATE TABLE t (a bigint, b bigint);\nCREATE INDEX t_a_idx ON t (a) WHERE b > 0;\nCREATE INDEX t_a_all_idx ON t (a);",
    "CREATE TABLE t (a bigint, b bigint);\nCREATE INDEX t_ab_idx ON t (a, b);\nCREATE INDEX t_ba_idx ON t (b, a);",
    // A unique index enforces something; a prefix of another index does not make it redundant.
    "CREATE TABLE t (a bigint, b bigint);\nCREATE UNIQUE INDEX t_a_key ON t (a);\nCREATE INDEX t_ab_idx ON t (a, b);",
    "CREATE TABLE t (a bigint);\nCREATE INDEX t_a_idx ON t (a);\nDROP INDEX t_a_idx;\nCREATE INDEX t_a_idx2 ON t (a);",
  ],
  invalid: [
    {
      sql: "CREATE TABLE t (a bigint);\nCREATE INDEX t_a_idx ON t (a);\nCREATE INDEX t_a_again_idx ON t (a);",
      errors: [
        {
          messageId: "duplicate",
          line: 3,
          message:
            "Index t_a_again_idx duplicates t_a_idx on t (same method, columns and predicate): it slows every write and doubles the storage for nothing.",
        },
      ],
    },
    {
      files: [
        { path: "001_t.up.sql", sql: "CREATE TABLE t (a bigint, b bigint);\nCREATE INDEX t_a_idx ON t (a);" },
        { path: "002_ab.up.sql", sql: "CREATE INDEX t_a_b_idx ON t (a, b);" },
      ],
      errors: [{ messageId: "covered", file: "001_t.up.sql", line: 2 }],
    },
    {
      sql: "CREATE TABLE t (id bigint PRIMARY KEY);\nCREATE INDEX t_id_idx ON t (id);",
      errors: [{ messageId: "duplicate", line: 2 }],
    },
  ],
});
