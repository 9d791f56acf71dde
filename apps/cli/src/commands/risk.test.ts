import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../io.js";
import { run } from "../main.js";

const examples = new URL("../../../../examples/migrations/", import.meta.url).pathname;
const risky = join(examples, "20240510140000_tighten_projects.up.sql");

async function project() {
  const cwd = await mkdtemp(join(tmpdir(), "confiture-cli-risk-"));
  return memoryIo({ cwd, env: { CONFITURE_METRICS: "off" } });
}

describe("confiture risk", () => {
  it("prints the JSON contract: score, level, factors, downtime, statements, inputs", async () => {
    const io = await project();
    const code = await run(["risk", risky, "--format", "json", "--max-level", "CRITICAL"], io);
    expect(io.err()).toBe("");
    expect(code).toBe(0);
    const report = JSON.parse(io.out());
    expect(report.factors.map((factor: { name: string }) => factor.name)).toEqual([
      "data_volume",
      "lock_time",
      "dependencies",
      "anomalies",
      "concurrent_load",
    ]);
    for (const factor of report.factors)
      expect(Object.keys(factor)).toEqual(expect.arrayContaining(["name", "value", "weight", "input", "unit"]));
    expect(report.score).toBeCloseTo(
      report.factors.reduce((sum: number, factor: { value: number; weight: number }) => sum + factor.value * factor.weight, 0),
      3,
    );
    expect(report.downtime).toEqual(
      expect.objectContaining({
        estimateMs: expect.any(Number),
        lowerMs: expect.any(Number),
        upperMs: expect.any(Number),
        method: "heuristic",
      }),
    );
    expect(report.downtime.confidence).toBeGreaterThanOrEqual(0);
    expect(report.downtime.confidence).toBeLessThanOrEqual(1);
    expect(report.downtime.caveats.length).toBeGreaterThan(0);
    expect(report.statements).toHaveLength(3);
    expect(report.statements[0]).toEqual(
      expect.objectContaining({
        file: expect.stringContaining("tighten_projects"),
        line: 2,
        kind: expect.any(String),
        rewrite: true,
        scan: expect.any(Boolean),
      }),
    );
    expect(report.inputs.source).toBe("assumptions");
    // The example's mistakes are lint findings, so the anomalies factor is not zero.
    expect(report.factors.find((factor: { name: string }) => factor.name === "anomalies").value).toBeGreaterThan(0);
  });

  it("exits 1 when the level exceeds --max-level", async () => {
    const io = await project();
    expect(await run(["risk", risky, "--format", "json", "--max-level", "LOW"], io)).toBe(1);
    expect(JSON.parse(io.out()).level).not.toBe("LOW");
  });

  it("uses a statistics snapshot and says so", async () => {
    const io = await project();
    const snapshot = join(io.cwd, "stats.json");
    await writeFile(
      snapshot,
      JSON.stringify({
        version: 1,
        takenAt: "2025-01-01T00:00:00.000Z",
        server: { majorVersion: 15, version: "PostgreSQL 15" },
        activity: { connections: 80, maxConnections: 100 },
        tables: [
          {
            schema: "public",
            name: "projects",
            totalBytes: 60 * 1024 ** 3,
            tableBytes: 50 * 1024 ** 3,
            indexBytes: 10 * 1024 ** 3,
            rowEstimate: 400_000_000,
            dependencies: { foreignKeysOut: 1, foreignKeysIn: 4, views: 2, triggers: 1 },
          },
        ],
      }),
    );
    await run(["risk", risky, "--format", "json", "--snapshot", snapshot], io);
    const report = JSON.parse(io.out());
    expect(report.inputs.source).toBe("snapshot");
    expect(report.inputs.tables).toContainEqual(expect.objectContaining({ relation: "projects", source: "snapshot" }));
    expect(report.factors.find((factor: { name: string }) => factor.name === "concurrent_load")).toMatchObject({
      input: 0.8,
      source: "snapshot",
    });
    // A 50 GiB rewrite blocks writes for minutes: the risk is at least HIGH.
    expect(["HIGH", "CRITICAL"]).toContain(report.level);
  });

  it("prints text and Markdown for people", async () => {
    const text = await project();
    await run(["risk", risky], text);
    expect(text.out()).toMatch(/^Risk: (LOW|MEDIUM|HIGH|CRITICAL) \(score/);
    expect(text.out()).toContain("Writes blocked:");
    const markdown = await project();
    await run(["risk", risky, "--format", "markdown"], markdown);
    expect(markdown.out()).toContain("| Factor | Value | Weight | Input | Source |");
  });

  it("reads the risk section of the config and names a bad key (exit 2)", async () => {
    const strict = await project();
    await writeFile(join(strict.cwd, "confiture.config.json"), JSON.stringify({ risk: { maxLevel: "LOW" } }));
    expect(await run(["risk", risky, "--format", "json"], strict)).toBe(1);
    const broken = await project();
    await writeFile(join(broken.cwd, "confiture.config.json"), JSON.stringify({ risk: { weights: { lockTime: 0.9 } } }));
    expect(await run(["risk", risky], broken)).toBe(2);
    expect(broken.err()).toContain("risk.weights");
  });

  it("rejects an unknown level and a missing file with exit 2", async () => {
    expect(await run(["risk", risky, "--max-level", "SEVERE"], await project())).toBe(2);
    expect(await run(["risk", "does-not-exist.sql"], await project())).toBe(2);
  });

  it("says a file that does not parse cannot be judged, and exits 1 whatever the level", async () => {
    const io = await project();
    const broken = join(io.cwd, "1_broken.up.sql");
    await writeFile(broken, "COMMENT ON TABLE users IS 'x';\nSELEC oops;\n");
    expect(await run(["risk", broken, "--max-level", "CRITICAL"], io)).toBe(1);
    expect(io.out()).toMatch(/Cannot judge .*1_broken.up.sql: line 2, column 1 does not parse/);
    const json = await project();
    await writeFile(join(json.cwd, "1_broken.up.sql"), "SELEC oops;\n");
    expect(await run(["risk", "1_broken.up.sql", "--format", "json", "--max-level", "CRITICAL"], json)).toBe(1);
    expect(JSON.parse(json.out()).unjudged).toEqual([expect.objectContaining({ line: 1, column: 1 })]);
  });
});
