import { describe, expect, it } from "vitest";
import { summarizeSample, tCritical95 } from "./statistics.js";

describe("summarizeSample", () => {
  it("computes the t-based confidence interval and prediction band of a known sample", () => {
    const summary = summarizeSample([10, 12, 14, 16, 18]);
    expect(summary.mean).toBe(14);
    expect(summary.standardDeviation).toBeCloseTo(3.1623, 4);
    // t(0.975, 4) = 2.7764; half width = 2.7764 * 3.1623 / sqrt(5) = 3.9265
    expect(tCritical95(4)).toBeCloseTo(2.7764, 4);
    expect(summary.confidenceInterval[0]).toBeCloseTo(10.0735, 3);
    expect(summary.confidenceInterval[1]).toBeCloseTo(17.9265, 3);
    // prediction half width = 2.7764 * 3.1623 * sqrt(1.2) = 9.6178
    expect(summary.predictionBand[1]).toBeCloseTo(23.6178, 3);
  });

  it("gives a zero-width interval for one value and refuses none", () => {
    expect(summarizeSample([3]).confidenceInterval).toEqual([3, 3]);
    expect(() => summarizeSample([])).toThrow(RangeError);
  });
});
