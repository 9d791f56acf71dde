import { describe, expect, it } from "vitest";
import { lintCase, RuleTester } from "../../testing/index.js";
import { requireConcurrentIndexCreation } from "./index.js";

new RuleTester().run("require-concurrent-index-creation", requireConcurrentIndexCreation, {
  valid: [
    "CREATE INDEX CONCURRENTLY users_email_idx ON users (email);",
    // A table created in the same file has no readers or writers to block.
    "CREATE TABLE users (email text);\nCREATE INDEX users_email_idx ON users (email);",
    "CREATE TABLE app.users (email text);\nCREATE UNIQUE INDEX users_email_idx ON app.users (email);",
  ],
  invalid: [
    {
      name: "CREATE TABLE IF NOT EXISTS may find the table there, in use",
      sql: "CREATE TABLE IF NOT EXISTS users (id bigint PRIMARY KEY, a text, b text);\nALTER TABLE users DROP COLUMN IF EXISTS b;\nCREATE INDEX users_a_idx ON users (a);\nALTER TABLE users ALTER COLUMN a SET NOT NULL;",
      errors: [{ messageId: "missingConcurrently", line: 3 }],
    },
    { sql: "CREATE INDEX users_email_idx ON users (email);", errors: [{ messageId: "missingConcurrently", line: 1 }] },
    {
      files: [
        { path: "001_users.up.sql", sql: "CREATE TABLE users (email text);" },
        { path: "002_index.up.sql", sql: "SELECT 1;\nCREATE UNIQUE INDEX users_email_idx ON users (email);" },
      ],
      errors: [{ messageId: "missingConcurrently", file: "002_index.up.sql", line: 2 }],
    },
    {
      files: [
        { path: "001_events.up.sql", sql: "CREATE TABLE events (at timestamptz) PARTITION BY RANGE (at);" },
        { path: "002_index.up.sql", sql: "CREATE INDEX events_at_idx ON events (at);" },
      ],
      errors: [{ messageId: "partitioned", file: "002_index.up.sql", line: 1 }],
    },
  ],
});

describe("require-concurrent-index-creation fix", () => {
  it("adds CONCURRENTLY after CREATE [UNIQUE] INDEX", async () => {
    const result = await lintCase(requireConcurrentIndexCreation, { sql: "CREATE UNIQUE INDEX i ON users (email);" });
    expect(result.findings[0]?.fix?.text).toBe("CREATE UNIQUE INDEX CONCURRENTLY i ON users (email)");
  });
});
