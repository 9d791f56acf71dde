import { RuleTester } from "../../testing/index.js";
import { banDuplicateColumnAssignments } from "./index.js";

new RuleTester().run("ban-duplicate-column-assignments", banDuplicateColumnAssignments, {
  valid: ["UPDATE t SET a = 1, b = 2;", "INSERT INTO t (a, b) VALUES (1, 2);", "UPDATE t SET tags[1] = 'x', tags[2] = 'y';"],
  invalid: [
    {
      sql: "CREATE TABLE t (\n  a bigint,\n  a text\n);",
      errors: [
        { messageId: "duplicateDefinition", line: 2 },
        { messageId: "duplicateDefinition", line: 3 },
      ],
    },
    {
      sql: "ALTER TABLE t ADD COLUMN a text, ADD COLUMN a bigint;",
      errors: [{ messageId: "duplicateDefinition" }, { messageId: "duplicateDefinition" }],
    },
    {
      sql: "UPDATE t SET a = 1,\n  a = 2;",
      errors: [
        { messageId: "duplicate", line: 1, column: 14 },
        { messageId: "duplicate", line: 2, column: 3 },
      ],
    },
    {
      sql: "INSERT INTO t (a, a) VALUES (1, 2);",
      errors: [
        { messageId: "duplicate", line: 1 },
        { messageId: "duplicate", line: 1 },
      ],
    },
    {
      sql: "UPDATE t SET (a, b) = (1, 2), b = 3;",
      errors: [
        { messageId: "duplicate", line: 1, column: 18 },
        { messageId: "duplicate", line: 1, column: 31 },
      ],
    },
  ],
});
