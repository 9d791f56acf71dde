import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintIn, project } from "./lint-fixtures.js";

const outsideTransaction = JSON.stringify({ lint: { settings: { runnerWrapsInTransaction: false } } });
const indexMigration = "SET lock_timeout = '2s';\nCREATE INDEX orders_total ON orders (total);\n";

describe("confiture lint --fix", () => {
  it("--fix writes the safe fixes to the files and reports what remains", async () => {
    const directory = await project({ "confiture.config.json": outsideTransaction, "migrations/001_a.up.sql": indexMigration });
    const { out, err } = await lintIn(directory, ["--fix", "--format", "json"]);
    expect(await readFile(join(directory, "migrations/001_a.up.sql"), "utf8")).toBe(
      "SET lock_timeout = '2s';\nCREATE INDEX CONCURRENTLY orders_total ON orders (total);\n",
    );
    expect(err).toMatch(/fixed 1 findings in 1 files/);
    expect(JSON.parse(out).findings.map((finding: { ruleId: string }) => finding.ruleId)).not.toContain(
      "require-concurrent-index-creation",
    );
  });

  it("--fix leaves unsafe fixes; --fix-dry-run --fix-unsafe prints their diff and writes nothing", async () => {
    const source =
      "SET lock_timeout = '2s';\nCREATE TABLE events (payload json);\nCREATE INDEX orders_total ON orders (total);\n";
    const directory = await project({ "migrations/001_a.up.sql": source });
    await lintIn(directory, ["--fix"]);
    expect(await readFile(join(directory, "migrations/001_a.up.sql"), "utf8")).toBe(source);
    const dry = await lintIn(directory, ["--fix-dry-run", "--fix-unsafe"]);
    expect(dry.out).toContain("--- a/migrations/001_a.up.sql");
    expect(dry.out).toContain("+++ b/migrations/001_a.up.sql");
    expect(dry.out).toContain("-CREATE TABLE events (payload json);\n");
    expect(dry.out).toContain("+CREATE TABLE events (payload jsonb);\n");
    expect(dry.out).toContain("+CREATE INDEX CONCURRENTLY orders_total ON orders (total);");
    expect(await readFile(join(directory, "migrations/001_a.up.sql"), "utf8")).toBe(source);
  });

  it("--quiet reports errors only; --output-file writes the report there and nothing on stdout", async () => {
    const directory = await project({
      "migrations/001_a.up.sql":
        "SET lock_timeout = '2s';\nCREATE TABLE events (payload json);\nCREATE INDEX CONCURRENTLY events_payload_idx ON events (payload);\n",
    });
    const loud = JSON.parse((await lintIn(directory, ["--format", "json"])).out);
    expect(loud.findings.some((finding: { severity: string }) => finding.severity === "warning")).toBe(true);
    const quiet = await lintIn(directory, ["--quiet", "--format", "json", "--output-file", "report.json"]);
    expect(quiet.out).toBe("");
    const written = JSON.parse(await readFile(join(directory, "report.json"), "utf8"));
    expect(written.findings.length).toBeGreaterThan(0);
    expect(
      written.findings.every((finding: { severity: string }) => finding.severity === "error" || finding.severity === "critical"),
    ).toBe(true);
    expect(written.summary.warnings).toBe(0);
    expect(quiet.code).toBe(1);
  });

  it("skips the files lint.ignore names, and suggests the key when misspelt", async () => {
    const files = {
      "migrations/001_a.up.sql": "SET lock_timeout = '2s';\nCREATE TABLE a (id bigint PRIMARY KEY);\n",
      "migrations/vendor/002_b.up.sql": "DROP TABLE a;\n",
    };
    const ignored = await project({
      ...files,
      "confiture.config.json": JSON.stringify({ lint: { ignore: ["migrations/vendor/"] } }),
    });
    const parsed = JSON.parse((await lintIn(ignored, ["--format", "json"])).out);
    expect(parsed.summary.files).toBe(1);
    expect(parsed.findings.map((finding: { file: string }) => finding.file)).not.toContain("migrations/vendor/002_b.up.sql");
    const misspelt = await project({ ...files, "confiture.config.json": JSON.stringify({ lint: { ignores: ["x"] } }) });
    const failed = await lintIn(misspelt, []);
    expect(failed.code).toBe(2);
    expect(failed.err).toMatch(/lint\.ignores.*ignore/s);
  });
});
