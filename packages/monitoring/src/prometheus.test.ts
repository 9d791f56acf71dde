import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { describe, expect, it } from "vitest";
import { parseExpositionStrictly } from "./__fixtures__/strict-exposition.js";
import { objectivesFor, productionObjectives, sloConfigSchema } from "./definitions.js";
import { SloMonitor } from "./monitor.js";
import { servePrometheus, toPrometheus } from "./prometheus.js";

function sampleReport() {
  const monitor = new SloMonitor({ environment: "production", now: () => 0 });
  for (const value of [10, 20, 30, 40, 400]) monitor.record("hook_execution", value);
  monitor.record("profiling_overhead", 1.5);
  return monitor.report(productionObjectives);
}

describe("toPrometheus", () => {
  it("produces text exposition that a real parser reads back", () => {
    const families = parsePrometheusTextFormat(toPrometheus(sampleReport()));
    const byName = new Map(families.map((family) => [family.name, family]));
    const quantiles = byName.get("confiture_operation_quantile");
    expect(quantiles?.type).toBe("GAUGE");
    const median = quantiles?.metrics.find(
      (metric) => metric.labels?.operation === "hook_execution" && metric.labels.quantile === "0.5",
    );
    expect(median?.value).toBe("30");
    const count = byName
      .get("confiture_operation_samples")
      ?.metrics.find((metric) => metric.labels?.operation === "hook_execution");
    expect(count?.value).toBe("5");

    const violation = byName.get("confiture_slo_violation");
    const p99 = violation?.metrics.find((metric) => metric.labels?.objective === "p99 <= 50 ms");
    // One slow run of five cannot page (too few runs for a burn rate): a warning.
    expect(p99).toMatchObject({ value: "1", labels: { severity: "warning", operation: "hook_execution" } });
    const overhead = byName
      .get("confiture_slo_compliance_ratio")
      ?.metrics.find((metric) => metric.labels?.operation === "profiling_overhead");
    expect(overhead?.value).toBe("1");
  });

  it("serves the exposition on localhost for scraping", async () => {
    const server = await servePrometheus(0, () => toPrometheus(sampleReport()));
    try {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      const response = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(response.headers.get("content-type")).toContain("version=0.0.4");
      expect(parsePrometheusTextFormat(await response.text()).length).toBeGreaterThan(3);
      expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);
    } finally {
      server.close();
    }
  });
});

describe("Prometheus exposition, read strictly", () => {
  it("has no duplicate series, split families or bad escapes", () => {
    const monitor = new SloMonitor({ environment: "production", now: () => 0 });
    monitor.record('odd "op"\\name\nline', 3);
    monitor.record("hook_execution", 3);
    const samples = parseExpositionStrictly(toPrometheus(monitor.report(productionObjectives)));
    expect(samples.find((sample) => sample.labels.operation === 'odd "op"\\name\nline')).toBeDefined();
    expect(parseExpositionStrictly(toPrometheus(sampleReport())).length).toBeGreaterThan(20);
  });

  it("the strict reader refuses what a Prometheus server refuses", () => {
    expect(() => parseExpositionStrictly('a{x="1"} 1\na{x="1"} 2\n')).toThrow(/duplicate series/);
    expect(() => parseExpositionStrictly("a 1\nb 1\na 2\n")).toThrow(/split/);
    expect(() => parseExpositionStrictly('a{x="\\q"} 1\n')).toThrow(/escape/);
  });

  it("a config with the same objective twice is refused before it can export duplicate series", () => {
    const objective = { type: "latency", percentile: 99, thresholdMs: 40 };
    const config = {
      objectives: {
        production: [
          { operation: "lint", objectives: [objective] },
          { operation: "lint", objectives: [{ ...objective }] },
        ],
      },
    };
    const parsed = sloConfigSchema.safeParse(config);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/duplicate objective "lint p99 <= 40 ms"/);
    expect(parsed.error?.issues[0]?.path).toEqual(["objectives", "production", 1, "objectives", 0]);
    // What it would have exported: the same series twice, which the strict reader refuses.
    const monitor = new SloMonitor({ environment: "production", now: () => 0 });
    monitor.record("lint", 3);
    const definitions = [
      ...objectivesFor("production"),
      ...config.objectives.production.map((definition) => ({ ...definition, description: "" })),
    ] as Parameters<typeof monitor.report>[0];
    expect(() => parseExpositionStrictly(toPrometheus(monitor.report(definitions)))).toThrow(/duplicate series/);
  });
});
