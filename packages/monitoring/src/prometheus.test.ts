import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { describe, expect, it } from "vitest";
import { productionObjectives } from "./definitions.js";
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
    expect(p99).toMatchObject({ value: "1", labels: { severity: "critical", operation: "hook_execution" } });
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
