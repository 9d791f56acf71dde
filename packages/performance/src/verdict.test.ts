import { describe, expect, it } from "vitest";
import { accessPaths, lostIndexAccess, planSignature } from "./plan-shape.js";
import { compareMeasurements, type Measured } from "./verdict.js";

// Deterministic jitter: the same noise pattern for every sample set, shifted per set.
const noise = (index: number, seed: number) => 1 + 0.15 * Math.sin(index * 2.3 + seed);
function rounds(queryMs: number, referenceMs: number, count = 20, seed = 0, machine = (_: number) => 1): Measured {
  return {
    samples: Array.from({ length: count }, (_, index) => queryMs * noise(index, seed) * machine(index)),
    referenceSamples: Array.from({ length: count }, (_, index) => referenceMs * noise(index, seed + 1) * machine(index)),
    sharedBlocks: 100,
    rows: 1,
  };
}

describe("compareMeasurements", () => {
  it("does not call a machine that got 60% busier a regression: the reference moved with the query", () => {
    const result = compareMeasurements(rounds(5, 3), rounds(5 * 1.6, 3 * 1.6, 20, 4));
    expect(result.verdict).toBe("ok");
    expect(result.improvement).toBe(false);
    expect(result.factor).toBeGreaterThan(0.85);
    expect(result.factor).toBeLessThan(1.15);
  });

  it("does not call a machine that got quieter an improvement", () => {
    expect(compareMeasurements(rounds(5, 3), rounds(5 / 1.6, 3 / 1.6, 20, 2)).improvement).toBe(false);
  });

  it("catches a 2x server-side slowdown on a steady reference, with an interval", () => {
    const result = compareMeasurements(rounds(5, 3), rounds(10, 3, 20, 7));
    expect(result.verdict).toBe("error");
    expect(result.factor).toBeCloseTo(2, 0);
    expect(result.factorInterval[0]).toBeGreaterThan(1.5);
    expect(result.factorInterval[1]).toBeLessThan(2.6);
    expect(result.reason).toMatch(/slower 2\.\d\d× \(95% CI/);
  });

  it("is inconclusive, never an error or an improvement, when the reference drifted out of its band", () => {
    const slower = compareMeasurements(rounds(5, 3), rounds(5 * 2, 3 * 2.5, 20, 3));
    expect(slower.verdict).toBe("inconclusive");
    const faster = compareMeasurements(rounds(5, 3), rounds(5 / 3, 3 / 2.5, 20, 3));
    expect(faster).toMatchObject({ verdict: "inconclusive", improvement: false });
  });

  it("a 1.15x slowdown with 1.5x the buffers is an error: more work, counted without a clock", () => {
    const baseline = rounds(5, 3);
    const same = { ...rounds(5 * 1.15, 3, 20, 5), sharedBlocks: 100 };
    const more = { ...rounds(5 * 1.15, 3, 20, 5), sharedBlocks: 150 };
    expect(compareMeasurements(baseline, same).verdict).toBe("warning");
    expect(compareMeasurements(baseline, more).verdict).toBe("error");
  });

  it("reports an index scan that became a sequential scan as an error whatever the timings", () => {
    const indexPlan = {
      "Node Type": "Index Scan",
      "Relation Name": "accounts",
      "Index Name": "accounts_email_idx",
    };
    const seqPlan = { "Node Type": "Seq Scan", "Relation Name": "accounts" };
    const before = { ...rounds(5, 3), accessPaths: accessPaths(indexPlan), planSignature: planSignature(indexPlan) };
    // Faster on a tiny table, and on a machine far busier: the plan still decides.
    const after = { ...rounds(4, 9, 20, 1), accessPaths: accessPaths(seqPlan), planSignature: planSignature(seqPlan) };
    const result = compareMeasurements(before, after);
    expect(result.verdict).toBe("error");
    expect(result.reason).toMatch(/^plan regression: index access to accounts \(accounts_email_idx\)/);
    expect(result.planChanged).toBe(true);
  });
});

describe("plan shape", () => {
  it("reads bitmap scans as index access and ignores costs in the signature", () => {
    const plan = {
      "Node Type": "Bitmap Heap Scan",
      "Relation Name": "orders",
      "Plan Rows": 10,
      Plans: [{ "Node Type": "Bitmap Index Scan", "Index Name": "orders_customer_idx", "Plan Rows": 10 }],
    };
    expect(accessPaths(plan)).toEqual([{ relation: "orders", method: "index", index: "orders_customer_idx" }]);
    expect(planSignature(plan)).toBe(planSignature({ ...plan, "Plan Rows": 99999 }));
    expect(lostIndexAccess(accessPaths(plan), [{ relation: "orders", method: "sequential" }])).toHaveLength(1);
    expect(lostIndexAccess(accessPaths(plan), [{ relation: "other", method: "sequential" }])).toHaveLength(0);
  });
});
