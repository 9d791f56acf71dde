import { cp, mkdtemp } from "node:fs/promises";
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

describe("confiture preflight with no database at all", () => {
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

  it("uses the config's migrations directory by default and fails above --max-level", async () => {
    const io = await project();
    const code = await run(["preflight", "--format", "json", "--max-level", "LOW", "--no-trace"], io);
    const report = JSON.parse(io.out());
    expect(report.trace).toBeNull();
    expect(report.risk.level).not.toBe("LOW");
    expect(report.reasons.join(" ")).toMatch(/exceeds the maximum LOW/);
    expect(code).toBe(1);
  });

  it("writes Markdown for a pull request comment and SARIF with a risk run", async () => {
    const markdown = await project();
    await run(["preflight", "migrations", "--format", "markdown"], markdown);
    expect(markdown.out()).toMatch(/^## (✅|❌) Confiture preflight/);
    expect(markdown.out()).toContain("### Risk");
    const sarif = await project();
    await run(["preflight", "migrations", "--format", "sarif"], sarif);
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
