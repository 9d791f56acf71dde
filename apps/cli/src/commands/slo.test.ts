import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../io.js";
import { run } from "../main.js";

async function projectWithSamples(samples: Array<{ operation: string; value: number }>): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), "confiture-slo-"));
  await mkdir(join(directory, ".confiture"));
  const lines = samples.map((sample, index) => JSON.stringify({ ...sample, timestamp: index, environment: "local" }));
  await writeFile(join(directory, ".confiture", "metrics.jsonl"), `${lines.join("\n")}\n`);
  return directory;
}

describe("confiture slo", () => {
  it("check exits 0 when objectives are met and 1 when one is violated", async () => {
    const good = await projectWithSamples([{ operation: "regression_check", value: 3 }]);
    const io = memoryIo({ cwd: good });
    expect(await run(["slo", "check"], io)).toBe(0);
    expect(io.out()).toContain("All measured objectives are met.");

    const bad = await projectWithSamples([{ operation: "regression_check", value: 500 }]);
    const badIo = memoryIo({ cwd: bad });
    expect(await run(["slo", "check", "--format", "json"], badIo)).toBe(1);
    const report = JSON.parse(badIo.out());
    expect(report.met).toBe(false);
    // One slow run is too few for a burn rate: a violation of the stored window, graded warning.
    expect(report.violations[0]).toMatchObject({ operation: "regression_check", severity: "warning" });
  });

  it("report prints Prometheus text that a parser reads", async () => {
    const directory = await projectWithSamples([{ operation: "hook_execution", value: 2 }]);
    const io = memoryIo({ cwd: directory });
    expect(await run(["slo", "report", "--format", "prometheus", "--env", "production"], io)).toBe(0);
    const names = parsePrometheusTextFormat(io.out()).map((family) => family.name);
    expect(names).toContain("confiture_slo_compliance_ratio");
  });

  it("takes the environment and objectives from the config's slo section", async () => {
    const directory = await projectWithSamples([{ operation: "lint", value: 900 }]);
    await writeFile(
      join(directory, "confiture.config.yaml"),
      "slo:\n  environment: production\n  objectives:\n    production:\n      - operation: lint\n        objectives: [{ type: latency, percentile: 50, thresholdMs: 500 }]\n",
    );
    const io = memoryIo({ cwd: directory });
    // The sample was recorded as local; production sees none of it, so nothing is violated.
    expect(await run(["slo", "check", "--format", "json"], io)).toBe(0);
    const local = memoryIo({ cwd: directory });
    await writeFile(
      join(directory, "confiture.config.yaml"),
      "slo:\n  objectives:\n    local:\n      - operation: lint\n        objectives: [{ type: latency, percentile: 50, thresholdMs: 500 }]\n",
    );
    expect(await run(["slo", "check", "--format", "json"], local)).toBe(1);
    expect(JSON.parse(local.out()).violations[0]).toMatchObject({ operation: "lint", severity: "warning" });
    await writeFile(join(directory, "confiture.config.yaml"), "slo:\n  environment: mars\n");
    const bad = memoryIo({ cwd: directory });
    expect(await run(["slo", "report"], bad)).toBe(2);
    expect(bad.err()).toContain("slo.environment");
  });

  it("keeps the samples in a database when one is configured for metrics", async () => {
    const directory = await mkdtemp(join(tmpdir(), "confiture-slo-"));
    const metricsUrl = `pglite:${join(directory, "metrics-db")}`;
    await writeFile(join(directory, "q.sql"), "-- name: one\nSELECT 1\n");
    const env = { CONFITURE_METRICS: "on", CONFITURE_METRICS_URL: metricsUrl };
    expect(
      await run(
        ["profile", "baseline", "--queries", join(directory, "q.sql"), "--db", "pglite:", "--runs", "3"],
        memoryIo({ cwd: directory, env }),
      ),
    ).toBe(0);
    const io = memoryIo({ cwd: directory });
    expect(await run(["slo", "report", "--format", "json", "--db", metricsUrl], io)).toBe(0);
    const operations = JSON.parse(io.out()).operations.map((operation: { operation: string }) => operation.operation);
    expect(operations).toEqual(expect.arrayContaining(["profiling_overhead"]));
    const file = memoryIo({ cwd: directory });
    await run(["slo", "report", "--format", "json"], file);
    expect(JSON.parse(file.out()).operations).toEqual([]);
  });

  it("rejects an unknown environment as a usage error", async () => {
    const io = memoryIo({ cwd: await mkdtemp(join(tmpdir(), "confiture-slo-")) });
    expect(await run(["slo", "report", "--env", "mars"], io)).toBe(2);
  });

  it("records the timings of a command for later reports", async () => {
    const directory = await mkdtemp(join(tmpdir(), "confiture-slo-"));
    await writeFile(join(directory, "q.sql"), "-- name: one\nSELECT 1\n");
    const env = { CONFITURE_METRICS: "on" };
    expect(
      await run(
        ["profile", "baseline", "--queries", join(directory, "q.sql"), "--db", "pglite:", "--runs", "3"],
        memoryIo({ cwd: directory, env }),
      ),
    ).toBe(0);
    const io = memoryIo({ cwd: directory, env });
    await run(["slo", "report", "--format", "json"], io);
    const operations = JSON.parse(io.out()).operations.map((operation: { operation: string }) => operation.operation);
    expect(operations).toEqual(expect.arrayContaining(["profiling_accuracy", "profiling_overhead"]));
  });

  describe("the environment each command ran in", () => {
    const productionLint =
      "slo:\n  objectives:\n    production:\n      - operation: lint\n        objectives: [{ type: latency, percentile: 50, thresholdMs: 0.000001 }]\n";

    async function lintProject(config: string): Promise<string> {
      const directory = await mkdtemp(join(tmpdir(), "confiture-slo-env-"));
      await mkdir(join(directory, "migrations"));
      await writeFile(join(directory, "migrations", "001_a.up.sql"), "CREATE TABLE a (id int PRIMARY KEY);\n");
      await writeFile(join(directory, "confiture.config.yaml"), config);
      return directory;
    }
    const lint = (directory: string, env: Record<string, string>) =>
      run(["lint", join(directory, "migrations")], memoryIo({ cwd: directory, env: { CONFITURE_METRICS: "on", ...env } }));

    it("CONFITURE_ENV=production records production samples, and a production violation exits 1", async () => {
      const directory = await lintProject(productionLint);
      await lint(directory, { CONFITURE_ENV: "production" });
      const check = memoryIo({ cwd: directory });
      expect(await run(["slo", "check", "--env", "production", "--format", "json"], check)).toBe(1);
      expect(JSON.parse(check.out()).violations[0]).toMatchObject({ operation: "lint", met: false });
      // The same samples are not local ones.
      const local = memoryIo({ cwd: directory });
      await run(["slo", "report", "--env", "local", "--format", "json"], local);
      expect(JSON.parse(local.out()).operations).toEqual([]);
    });

    it("slo.environment in the config names the environment of every command, and of slo check", async () => {
      const directory = await lintProject(`${productionLint}  environment: production\n`);
      await lint(directory, {});
      const check = memoryIo({ cwd: directory });
      expect(await run(["slo", "check", "--format", "json"], check)).toBe(1);
      expect(JSON.parse(check.out()).violations[0]).toMatchObject({ operation: "lint" });
      // CONFITURE_ENV wins over the config when reading too.
      expect(await run(["slo", "check"], memoryIo({ cwd: directory, env: { CONFITURE_ENV: "staging" } }))).toBe(0);
      expect(await run(["slo", "check"], memoryIo({ cwd: directory, env: { CONFITURE_ENV: "mars" } }))).toBe(2);
    });

    it("a config with the same objective twice is a configuration error", async () => {
      const directory = await lintProject(
        "slo:\n  objectives:\n    local:\n      - operation: lint\n        objectives: [{ type: latency, percentile: 50, thresholdMs: 5 }, { type: latency, percentile: 50, thresholdMs: 5 }]\n",
      );
      const io = memoryIo({ cwd: directory });
      expect(await run(["slo", "report", "--format", "prometheus"], io)).toBe(2);
      expect(io.err()).toMatch(/duplicate objective/);
    });
  });
});
