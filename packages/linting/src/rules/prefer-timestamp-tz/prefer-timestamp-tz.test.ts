import { describe, expect, it } from "vitest";
import { lintCase, RuleTester } from "../../testing/index.js";
import { preferTimestampTz } from "./index.js";

new RuleTester().run("prefer-timestamp-tz", preferTimestampTz, {
  valid: ["CREATE TABLE t (at timestamptz, b timestamp with time zone);", "CREATE TABLE t (d date);"],
  invalid: [
    { sql: "CREATE TABLE t (\n  at timestamp\n);", errors: [{ messageId: "timestamp", line: 2 }] },
    { sql: "ALTER TABLE t ADD COLUMN at timestamp without time zone;", errors: [{ messageId: "timestamp", line: 1 }] },
  ],
});

describe("prefer-timestamp-tz fix", () => {
  it("replaces a one-word timestamp and leaves longer spellings alone", async () => {
    const simple = await lintCase(preferTimestampTz, { sql: "ALTER TABLE t ADD COLUMN at timestamp NOT NULL;" });
    expect(simple.findings[0]?.fix?.text).toBe("ALTER TABLE t ADD COLUMN at timestamptz NOT NULL");
    const long = await lintCase(preferTimestampTz, { sql: "ALTER TABLE t ADD COLUMN at timestamp without time zone;" });
    expect(long.findings[0]?.fix).toBeUndefined();
  });
});
