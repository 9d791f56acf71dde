import { describe, expect, it } from "vitest";
import { lintCase, RuleTester } from "../../testing/index.js";
import { preferBigintOverInt } from "./index.js";

new RuleTester().run("prefer-bigint-over-int", preferBigintOverInt, {
  valid: ["CREATE TABLE t (id bigint, n bigserial, s smallint);", "ALTER TABLE t ADD COLUMN n int8;"],
  invalid: [
    {
      sql: "CREATE TABLE t (\n  id serial PRIMARY KEY,\n  n integer\n);",
      errors: [
        { messageId: "int", line: 2, column: 6 },
        { messageId: "int", line: 3 },
      ],
    },
    { sql: "ALTER TABLE t ADD COLUMN n int;", errors: [{ messageId: "int", line: 1 }] },
    { sql: "ALTER TABLE t ALTER COLUMN n TYPE int4;", errors: [{ messageId: "int", line: 1 }] },
  ],
});

describe("prefer-bigint-over-int fix", () => {
  it("widens the written type", async () => {
    const result = await lintCase(preferBigintOverInt, { sql: "CREATE TABLE t (id serial PRIMARY KEY, n integer NOT NULL);" });
    expect(result.findings.map((finding) => finding.fix?.text)).toEqual([
      "CREATE TABLE t (id bigserial PRIMARY KEY, n integer NOT NULL)",
      "CREATE TABLE t (id serial PRIMARY KEY, n bigint NOT NULL)",
    ]);
  });
});
