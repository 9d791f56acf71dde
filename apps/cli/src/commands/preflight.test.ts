import { cp, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../io.js";
import { run } from "../main.js";

const examples = new URL("../../../../examples/migrations/", import.meta.url).pathname;

async function project() {
  const cwd = await mkdtemp(join(tmpdir(), "confiture-cli-preflight-"));
  await cp(examples, join(cwd, "migrations"), { recursive: true });
  return memoryIo({ cwd, env: { CONFITURE_METRICS: "off" } });
}

/** Production as `confiture stats export` saw it: the first four migrations applied, large tables. */
async function productionSnapshot(cwd: string): Promise<string> {
  const table = (name: string) => ({
    schema: "public",
    name,
    totalBytes: 12 * 1024 ** 3,
    tableBytes: 10 * 1024 ** 3,
    indexBytes: 2 * 1024 ** 3,
    rowEstimate: 80_000_000,
    dependencies: { foreignKeysOut: 1, foreignKeysIn: 2, views: 0, triggers: 0 },
  });
  const path = join(cwd, "prod-stats.json");
  await writeFile(
    path,
    JSON.stringify({
      version: 1,
      takenAt: "2025-01-01T00:00:00.000Z",
      server: { majorVersion: 15, version: "PostgreSQL 15.8" },
      appliedMigrations: ["20240101090000", "20240215120000", "20240320080000", "20240402100000"],
      activity: { connections: 30, maxConnections: 100 },
      tables: [table("accounts"), table("users"), table("projects")],
    }),
  );
  return path;
}

describe("confiture preflight without a database server", () => {
  it("lints, traces on embedded PGlite and assesses every migration in one JSON report", async () => {
    const io = await project();
    const code = await run(["preflight", "migrations", "--format", "json"], io);
    const report = JSON.parse(io.out());
    expect(report.pending).toHaveLength(6);
    expect(report.lint.findings.length).toBeGreaterThan(0);
    expect(report.trace.summary.statements).toBeGreaterThan(10);
    expect(report.trace.summary.failed).toBe(0);
    expect(report.risk.statements.length).toBe(report.trace.summary.statements);
    expect(report.risk.inputs.source).toBe("assumptions");
    expect(code).toBe(report.passed ? 0 : 1);
    expect(report.passed).toBe(report.reasons.length === 0);
    // Progress goes to stderr, never into the report.
    expect(io.err()).toContain("tracing");
  });

  it("takes production sizes and applied migrations from a snapshot, and fails above --max-level", async () => {
    const io = await project();
    await productionSnapshot(io.cwd);
    const code = await run(
      ["preflight", "--snapshot", "prod-stats.json", "--format", "json", "--max-level", "LOW", "--no-trace"],
      io,
    );
    const report = JSON.parse(io.out());
    expect(report.pending.map((migration: { version: string }) => migration.version)).toEqual([
      "20240510140000",
      "20240601110000",
    ]);
    expect(report.trace).toBeNull();
    expect(report.risk.inputs.source).toBe("snapshot");
    // Rewriting 10 GiB tables under an AccessExclusiveLock: far more than a few seconds.
    expect(report.risk.downtime.estimateMs).toBeGreaterThan(10_000);
    expect(["HIGH", "CRITICAL"]).toContain(report.risk.level);
    expect(report.reasons.join(" ")).toMatch(/exceeds the maximum LOW/);
    expect(code).toBe(1);
  });

  it("writes Markdown for a pull request comment and SARIF with a risk run", async () => {
    const markdown = await project();
    await run(["preflight", "migrations", "--format", "markdown"], markdown);
    expect(markdown.out()).toMatch(/^## (✅|❌) Confiture preflight/);
    expect(markdown.out()).toContain("### Risk");
    const sarif = await project();
    await productionSnapshot(sarif.cwd);
    await run(["preflight", "migrations", "--snapshot", "prod-stats.json", "--format", "sarif"], sarif);
    const log = JSON.parse(sarif.out());
    expect(log.runs).toHaveLength(2);
    expect(log.runs[1].tool.driver.name).toBe("confiture-risk");
    expect(
      log.runs[1].results.some(
        (result: { ruleId: string }) => result.ruleId === "long-write-block" || result.ruleId === "risk-level",
      ),
    ).toBe(true);
  });

  it("prints a text report for people ending with the verdict", async () => {
    const io = await project();
    await run(["preflight", "migrations"], io);
    expect(io.out()).toContain("== Lint");
    expect(io.out()).toContain("== Trace");
    expect(io.out()).toContain("== Risk");
    expect(io.out().trimEnd().split("\n").at(-1)).toMatch(/^(PASS|FAIL)/);
  });
});

describe("confiture preflight counts", () => {
  it("gives one count of lint findings in the text summary, the verdict and the JSON when some migrations are applied", async () => {
    const cwd = await mkdtemp(join(tmpdir(), "confiture-cli-preflight-count-"));
    const { mkdir } = await import("node:fs/promises");
    await mkdir(join(cwd, "migrations"));
    // Four errors in the applied migration (two per TRUNCATE ... CASCADE), two in the pending one.
    await writeFile(join(cwd, "migrations", "20240101000000_old.up.sql"), "TRUNCATE a CASCADE;\nTRUNCATE b CASCADE;\n");
    await writeFile(join(cwd, "migrations", "20240102000000_new.up.sql"), "TRUNCATE c CASCADE;\n");
    const snapshot = join(cwd, "stats.json");
    await writeFile(
      snapshot,
      JSON.stringify({
        version: 1,
        takenAt: "2025-01-01T00:00:00.000Z",
        server: { majorVersion: 16, version: "PostgreSQL 16.4" },
        appliedMigrations: ["20240101000000"],
        activity: { connections: 1, maxConnections: 100 },
        tables: [],
      }),
    );
    const args = ["preflight", "migrations", "--snapshot", snapshot, "--no-trace"];
    const json = memoryIo({ cwd });
    expect(await run([...args, "--format", "json"], json)).toBe(1);
    const report = JSON.parse(json.out());
    expect(report.lint.summary.errors).toBe(2);
    expect(report.reasons).toContain("2 lint findings at error level");
    const text = memoryIo({ cwd });
    expect(await run(args, text)).toBe(1);
    expect(text.out()).toMatch(/\(2 errors, .*\) in 1 file, 1 statement/);
    expect(text.out()).toContain("FAIL: 2 lint findings at error level");
    expect(text.out()).not.toContain("20240101000000_old");
  });
});
