import { describe, expect, it } from "vitest";
import { hodgesLehmann, normalCdf, normalQuantile, summarizeSample, tCritical95 } from "./statistics.js";

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

describe("tCritical95", () => {
  // Published two-sided 95% values of Student's t.
  it.each([
    [1, 12.7062],
    [2, 4.3027],
    [3, 3.1824],
    [9, 2.2622],
    [29, 2.0452],
    [30, 2.0423],
    [199, 1.972],
    [100000, 1.96],
  ])("df %d -> %d", (degrees, expected) => {
    expect(tCritical95(degrees)).toBeCloseTo(expected, 3);
  });
});

describe("normalCdf", () => {
  it("matches the standard normal table", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-3)).toBeCloseTo(0.0013499, 6);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.005)).toBeCloseTo(-2.575829, 5);
  });
});

describe("hodgesLehmann", () => {
  it("estimates a known shift with the Moses interval", () => {
    const before = Array.from({ length: 10 }, (_, index) => index + 1);
    const after = before.map((value) => value + 5);
    // Differences j - i + 5 are triangular on -4..14; k = floor(50 - 1.96 * sqrt(175)) = 24:
    // the 24th smallest is 2 and the 24th largest is 8 (wilcox.test gives the same interval).
    const shift = hodgesLehmann(before, after);
    expect(shift.estimate).toBe(5);
    expect(shift.interval).toEqual([2, 8]);
  });

  it("is not moved by one wild outlier", () => {
    const before = [10, 11, 12, 10, 11, 12, 10, 11];
    expect(hodgesLehmann(before, [...before.slice(1), 900]).estimate).toBeLessThanOrEqual(1);
  });
});
