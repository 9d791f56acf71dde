import { describe, expect, it } from "vitest";
import { lintCase, RuleTester } from "../../testing/index.js";
import { banDropTable } from "./index.js";

new RuleTester().run("ban-drop-table", banDropTable, {
  valid: [
    "DROP VIEW report;",
    // Created in the same file: nobody can depend on it yet.
    "CREATE TABLE scratch (id bigint);\nDROP TABLE scratch;",
    // Down migrations exist to undo their up file.
    {
      files: [
        { path: "001_users.up.sql", sql: "CREATE TABLE users (id bigint);" },
        { path: "001_users.down.sql", sql: "DROP TABLE users;" },
      ],
    },
  ],
  invalid: [
    {
      name: "a down file that drops a table its own up file did not create",
      files: [
        { path: "001_users.up.sql", sql: "CREATE TABLE users (id bigint);" },
        { path: "002_more.up.sql", sql: "CREATE TABLE more (id bigint);" },
        { path: "002_more.down.sql", sql: "DROP TABLE more;\nDROP TABLE users;" },
      ],
      errors: [{ messageId: "dropTable", file: "002_more.down.sql", line: 2 }],
    },
    { sql: "DROP TABLE users;", errors: [{ messageId: "dropTable", line: 1 }] },
    // A UTF-8 byte-order mark is not part of the first statement.
    { sql: "\uFEFFDROP TABLE users;", errors: [{ messageId: "dropTable", line: 1, column: 1 }] },
    {
      sql: "SELECT 1;\nDROP TABLE IF EXISTS users, app.accounts;",
      errors: [
        { messageId: "dropTable", line: 2 },
        { messageId: "dropTable", line: 2 },
      ],
    },
  ],
});

describe("ban-drop-table after a lexical error", () => {
  it("still lints the statements after the one the scanner failed in", async () => {
    const result = await lintCase(banDropTable, { sql: "SELECT E'\\udb99';\nDROP TABLE users;" });
    expect(result.findings.map((finding) => [finding.ruleId, finding.line])).toEqual([
      ["parse-error", 1],
      ["ban-drop-table", 2],
    ]);
  });
});
