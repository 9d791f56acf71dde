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
    // Without timestamps the whole set is one window: 5 bad of 100 against a 1% budget burns 5x
    // (warning), 10 of 100 at p95 burns 2x (warning), 40 of 100 at p99 burns 40x (critical).
    [95, 99, "warning"],
    [90, 95, "warning"],
    [60, 99, "critical"],
    [93, 99, "error"],
  ] as const)("grades a miss against %d ms at p%d as %s", (thresholdMs, percentile, severity) => {
    const result = evaluateObjective("op", { type: "latency", percentile, thresholdMs }, oneToHundred);
    expect(result.met).toBe(false);
    expect(result.severity).toBe(severity);
  });

  describe("burn rates over two windows (SRE workbook)", () => {
    const hour = 60 * 60_000;
    const now = 10 * 24 * hour;
    const objective = { type: "latency", percentile: 99, thresholdMs: 50 } as const;
    const evaluate = (samples: Array<{ value: number; timestamp: number }>) =>
      evaluateObjective(
        "op",
        objective,
        samples.map((sample) => sample.value).sort((a, b) => a - b),
        { samples, now },
      );
    // 100 runs spread over the last 50 minutes, `bad` of them slow.
    const recent = (bad: number, slowValue: number) =>
      Array.from({ length: 100 }, (_, index) => ({ value: index < bad ? slowValue : 10, timestamp: now - index * 30_000 }));

    it("half the runs at 1.4x the threshold is a fast burn: critical, however small the overshoot", () => {
      const result = evaluate(recent(50, 70));
      expect(result.severity).toBe("critical");
      expect(result.burnRate?.long).toBeCloseTo(50, 6);
    });

    it("one run at 3x the threshold among 100 is within the budget", () => {
      expect(evaluate(recent(1, 150))).toMatchObject({ met: true, severity: null });
    });

    it("a burn of 8x is an error, and an old burn that stopped pages no one", () => {
      expect(evaluate(recent(8, 70)).severity).toBe("error");
      const old = recent(50, 70).map((sample) => ({ ...sample, timestamp: sample.timestamp - 5 * 24 * hour }));
      const quietNow = [...old, ...recent(0, 10)];
      const result = evaluate(quietNow);
      expect(result.met).toBe(false); // the stored window still misses p99
      expect(result.severity).toBe("warning");
    });

    it("a single slow run in a window of few runs cannot page", () => {
      expect(evaluate([{ value: 500, timestamp: now }])).toMatchObject({ met: false, severity: "warning" });
    });
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
