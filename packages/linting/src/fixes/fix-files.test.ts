import { describe, expect, it } from "vitest";
import { general } from "../library/index.js";
import { lintAndFix } from "./fix-files.js";

const outsideTransaction = { settings: { runnerWrapsInTransaction: false } };

describe("lintAndFix", () => {
  it("applies a safe fix by default and lints the fixed text again", async () => {
    const source = "SET lock_timeout = '2s';\nCREATE INDEX orders_total ON orders (total);\n";
    const outcome = await lintAndFix({
      files: [{ path: "0001.up.sql", source }],
      libraries: [general],
      config: outsideTransaction,
    });
    expect(outcome.changed).toEqual([
      {
        path: "0001.up.sql",
        source,
        output: "SET lock_timeout = '2s';\nCREATE INDEX CONCURRENTLY orders_total ON orders (total);\n",
      },
    ]);
    expect(outcome.applied.map((finding) => finding.ruleId)).toEqual(["require-concurrent-index-creation"]);
    expect(outcome.result.findings.map((finding) => finding.ruleId)).not.toContain("require-concurrent-index-creation");
  });

  it("leaves a fix that could break the migration (CONCURRENTLY inside a transaction) to --fix-unsafe", async () => {
    const source = "CREATE INDEX orders_total ON orders (total);\n";
    const files = [{ path: "0001.up.sql", source }];
    const safe = await lintAndFix({ files, libraries: [general] });
    expect(safe.changed).toEqual([]);
    expect(safe.result.findings.map((finding) => finding.ruleId)).toContain("require-concurrent-index-creation");
    const unsafe = await lintAndFix({ files, libraries: [general] }, { unsafe: true });
    expect(unsafe.changed[0]?.output).toBe("CREATE INDEX CONCURRENTLY orders_total ON orders (total);\n");
  });

  it("applies two unsafe fixes of one statement over two passes, and keeps the rest of the file", async () => {
    const source = "-- keep me\nCREATE TABLE events (payload json, at timestamp);\nSELECT 1;\n";
    // prefer-timestamp-tz is opt-in (preset all): enabled by name here.
    const outcome = await lintAndFix(
      { files: [{ path: "0002.up.sql", source }], libraries: [general], config: { rules: { "prefer-timestamp-tz": "warn" } } },
      { unsafe: true },
    );
    expect(outcome.changed[0]?.output).toBe("-- keep me\nCREATE TABLE events (payload jsonb, at timestamptz);\nSELECT 1;\n");
    expect(outcome.applied.map((finding) => finding.ruleId).sort()).toEqual(["prefer-jsonb", "prefer-timestamp-tz"]);
  });
});
