import { execFileSync } from "node:child_process";
import { cp, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
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

  it("agrees with `confiture risk` on the same file: each migration judged as if the earlier ones were applied", async () => {
    const io = await project();
    expect(await run(["preflight", "migrations", "--format", "json", "--no-trace"], io)).toBe(1);
    const report = JSON.parse(io.out());
    expect(report.pendingFrom).toMatch(/not known/);
    const mistakes = report.risk.migrations.find((migration: { file: string }) => migration.file.includes("tighten_projects"));
    const alone = await project();
    await run(
      ["risk", "migrations/20240510140000_tighten_projects.up.sql", "--format", "json", "--max-level", "CRITICAL"],
      alone,
    );
    const single = JSON.parse(alone.out());
    expect(mistakes.level).toBe(single.level);
    expect(mistakes.score).toBe(single.score);
    expect(mistakes.downtime.estimateMs).toBe(single.downtime.estimateMs);
    // The classic mistakes rewrite pre-existing tables (at the assumed 128 MiB): the set fails the default gate.
    expect(["HIGH", "CRITICAL"]).toContain(report.risk.level);
    expect(report.passed).toBe(false);
  });

  it("labels every input with its real source: no table at 0 bytes called an assumption", async () => {
    const io = await project();
    await run(["preflight", "migrations", "--format", "json", "--no-trace"], io);
    const report = JSON.parse(io.out());
    for (const migration of report.risk.migrations) {
      const volume = migration.factors.find((factor: { name: string }) => factor.name === "data_volume");
      if (volume.input === 0) expect(volume.source).not.toBe("assumptions");
      if (volume.source === "assumptions") expect(volume.input).toBeGreaterThan(0);
    }
    for (const table of report.risk.inputs.tables) {
      if (table.source === "assumptions") expect(table.totalBytes).toBe(160 * 1024 ** 2);
    }
  });

  it("takes the newest N migrations as pending with --newest: tables they create are empty for the later ones", async () => {
    const io = await project();
    await run(["preflight", "migrations", "--format", "json", "--no-trace", "--newest", "2"], io);
    const report = JSON.parse(io.out());
    expect(report.pending.map((migration: { version: string }) => migration.version)).toEqual([
      "20240510140000",
      "20240601110000",
    ]);
    expect(report.risk.inputs.earlierFiles).toBe("pending");
    expect(await run(["preflight", "migrations", "--newest", "zero"], await project())).toBe(2);
  });

  it("takes what a branch adds since a git ref as pending with --base", async () => {
    const io = await project();
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.email=t@example.com", "-c", "user.name=t", ...args], { cwd: io.cwd, stdio: "pipe" });
    const directory = join(io.cwd, "migrations");
    const later = (await readdir(directory)).filter((name) => name >= "20240510140000");
    const moved = join(io.cwd, "later");
    await cp(directory, moved, { recursive: true });
    for (const name of later) await rm(join(directory, name));
    git("init", "-q");
    git("add", "migrations");
    git("commit", "-qm", "applied");
    for (const name of later) await cp(join(moved, name), join(directory, name));
    await run(["preflight", "migrations", "--format", "json", "--no-trace", "--base", "HEAD"], io);
    const report = JSON.parse(io.out());
    expect(report.pending.map((migration: { version: string }) => migration.version)).toEqual([
      "20240510140000",
      "20240601110000",
    ]);
    expect(report.pendingFrom).toMatch(/since HEAD/);
    expect(await run(["preflight", "migrations", "--base", "no-such-ref"], await project())).toBe(2);
  });

  it("fails when a migration does not parse: it cannot be judged", async () => {
    const io = await project();
    await writeFile(
      join(io.cwd, "migrations", "20250101000000_broken.up.sql"),
      "ALTER TABLE users ADD COLUMN x int;\nSELEC oops;\n",
    );
    expect(
      await run(["preflight", "migrations", "--format", "json", "--no-trace", "--newest", "1", "--max-level", "CRITICAL"], io),
    ).toBe(1);
    const report = JSON.parse(io.out());
    expect(report.passed).toBe(false);
    expect(report.reasons.join(" ")).toMatch(/20250101000000_broken.up.sql does not parse \(line 2/);
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
