import { describe, expect, it } from "vitest";
import { lintCase, RuleTester } from "../../testing/index.js";
import { requireConcurrentReindex } from "./index.js";

new RuleTester().run("require-concurrent-reindex", requireConcurrentReindex, {
  valid: ["REINDEX INDEX CONCURRENTLY users_email_idx;", "REINDEX (CONCURRENTLY) TABLE users;"],
  invalid: [
    { sql: "REINDEX INDEX users_email_idx;", errors: [{ messageId: "missingConcurrently", line: 1 }] },
    { sql: "REINDEX (CONCURRENTLY false) TABLE users;", errors: [{ messageId: "missingConcurrently", line: 1 }] },
    {
      sql: "REINDEX TABLE users;",
      pgVersion: 11,
      errors: [
        {
          messageId: "beforeTwelve",
          line: 1,
          message: "REINDEX blocks writes and index use until it ends, and PostgreSQL 11 has no REINDEX CONCURRENTLY.",
        },
      ],
    },
  ],
});

describe("require-concurrent-reindex fix", () => {
  it("adds CONCURRENTLY after the object type", async () => {
    const result = await lintCase(requireConcurrentReindex, { sql: "REINDEX TABLE users;" });
    expect(result.findings[0]?.fix?.text).toBe("REINDEX TABLE CONCURRENTLY users");
  });
});
