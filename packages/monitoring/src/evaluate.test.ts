import { describe, expect, it } from "vitest";
import { objectivesFor } from "./definitions.js";
import { evaluateObjective, summarize } from "./evaluate.js";

const oneToHundred = Array.from({ length: 100 }, (_, index) => index + 1);

describe("summarize", () => {
  it("computes the percentiles of known samples", () => {
    const summary = summarize("op", oneToHundred);
    expect(summary).toMatchObject({ count: 100, min: 1, max: 100, mean: 50.5 });
    // Linear interpolation between closest ranks (simple-statistics' quantileSorted): 1 + p * (n - 1).
    expect(summary.p50).toBeCloseTo(50.5, 10);
    expect(summary.p95).toBeCloseTo(95.05, 10);
    expect(summary.p99).toBeCloseTo(99.01, 10);
  });

  it("uses type-7 percentiles (R's default, numpy's linear) on an uneven sample", () => {
    // Index (n - 1) * p into the sorted values, interpolated: p50 -> 35, p90 -> 40 + 0.6 * 10,
    // p95 -> 40 + 0.8 * 10, p99 -> 40 + 0.96 * 10. simple-statistics before 7.8.9 gave other values.
    const summary = summarize("op", [15, 20, 35, 40, 50]);
    expect(summary.p50).toBeCloseTo(35, 10);
    expect(summary.p95).toBeCloseTo(48, 10);
    expect(summary.p99).toBeCloseTo(49.6, 10);
  });
});

describe("evaluateObjective", () => {
  it("meets a p95 objective when 95% of samples are within the threshold", () => {
    const result = evaluateObjective("op", { type: "latency", percentile: 95, thresholdMs: 96 }, oneToHundred);
    expect(result.compliance).toBe(0.96);
    expect(result.met).toBe(true);
    expect(result.severity).toBeNull();
    // 4% bad out of 5% allowed: a fifth of the budget is left.
    expect(result.errorBudgetRemaining).toBeCloseTo(0.2, 10);
  });

  it("reports compliance as the share of samples within target and spends the budget", () => {
    const result = evaluateObjective("op", { type: "latency", percentile: 99, thresholdMs: 90 }, oneToHundred);
    expect(result.compliance).toBe(0.9);
    expect(result.target).toBe(0.99);
    expect(result.met).toBe(false);
    expect(result.errorBudgetRemaining).toBeCloseTo(1 - 0.1 / 0.01, 10);
  });

  it.each([
    // observed p99 = 99.01 against thresholds: ratio 1.05 -> warning, 1.66 -> error, 3.3 -> critical
    [95, "warning"],
    [60, "error"],
    [30, "critical"],
  ] as const)("grades a miss against %d ms as %s", (thresholdMs, severity) => {
    const result = evaluateObjective("op", { type: "latency", percentile: 99, thresholdMs }, oneToHundred);
    expect(result.met).toBe(false);
    expect(result.severity).toBe(severity);
  });

  it("checks maximum and minimum value objectives on every sample", () => {
    const overhead = evaluateObjective("profiling_overhead", { type: "maximum", threshold: 5, unit: "%" }, [1, 2, 7.6]);
    expect(overhead).toMatchObject({ met: false, observed: 7.6, severity: "error", errorBudgetRemaining: 0 });
    const accuracy = evaluateObjective("profiling_accuracy", { type: "minimum", threshold: 0.8, unit: "" }, [0.85, 0.9]);
    expect(accuracy).toMatchObject({ met: true, compliance: 1, errorBudgetRemaining: 1 });
    const poor = evaluateObjective("profiling_accuracy", { type: "minimum", threshold: 0.8, unit: "" }, [0.3, 0.9]);
    expect(poor.severity).toBe("critical");
  });
});

describe("objectivesFor", () => {
  it("has the original design's production defaults", () => {
    const production = objectivesFor("production");
    const hook = production.find((definition) => definition.operation === "hook_execution");
    expect(hook?.objectives).toEqual([
      { type: "latency", percentile: 99, thresholdMs: 50 },
      { type: "latency", percentile: 95, thresholdMs: 30 },
    ]);
    expect(production.map((definition) => definition.operation)).toEqual([
      "hook_execution",
      "risk_assessment",
      "profiling_overhead",
      "profiling_accuracy",
      "rule_composition",
      "rule_conflict_detection",
      "baseline_lookup",
      "regression_check",
    ]);
  });

  it("relaxes latency for local runs and lets config replace an operation's objectives", () => {
    const local = objectivesFor("local", {
      objectives: {
        local: [
          { operation: "regression_check", description: "", objectives: [{ type: "latency", percentile: 50, thresholdMs: 5 }] },
        ],
      },
    });
    expect(local.find((definition) => definition.operation === "hook_execution")?.objectives[0]).toEqual({
      type: "latency",
      percentile: 99,
      thresholdMs: 100,
    });
    expect(local.filter((definition) => definition.operation === "regression_check")).toEqual([
      { operation: "regression_check", description: "", objectives: [{ type: "latency", percentile: 50, thresholdMs: 5 }] },
    ]);
  });
});
