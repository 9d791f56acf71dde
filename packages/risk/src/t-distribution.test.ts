import { describe, expect, it } from "vitest";
import { predictionInterval, tCriticalValue } from "./t-distribution.js";

describe("tCriticalValue", () => {
  // Reference values from any t table (two-sided).
  const table: [number, number, number][] = [
    [0.95, 1, 12.7062],
    [0.95, 2, 4.3027],
    [0.95, 5, 2.5706],
    [0.95, 30, 2.0423],
    [0.9, 3, 2.3534],
    [0.9, 10, 1.8125],
    [0.99, 1, 63.6567],
    [0.99, 20, 2.845],
  ];
  it.each(table)("level %s with %s degrees of freedom is %s", (level, degrees, expected) => {
    expect(tCriticalValue(level, degrees)).toBeCloseTo(expected, 3);
  });
  it("approaches the normal quantile", () => {
    expect(tCriticalValue(0.95, 10_000)).toBeCloseTo(1.96, 2);
  });
  it("rejects impossible arguments", () => {
    expect(() => tCriticalValue(1, 5)).toThrow(RangeError);
    expect(() => tCriticalValue(0.9, 0)).toThrow(RangeError);
  });
});

describe("predictionInterval", () => {
  it("is mean +- t * s * sqrt(1 + 1/n)", () => {
    const interval = predictionInterval([10, 12, 14], 0.95);
    // mean 12, s 2, t(0.95, 2) = 4.3027, sqrt(4/3) = 1.1547
    expect(interval.mean).toBe(12);
    expect(interval.upper - interval.mean).toBeCloseTo(4.3027 * 2 * Math.sqrt(4 / 3), 3);
    expect(interval.mean - interval.lower).toBeCloseTo(interval.upper - interval.mean, 10);
  });
  it("narrows with more samples of the same spread", () => {
    const few = predictionInterval([9, 11, 9, 11], 0.9);
    const many = predictionInterval([9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11], 0.9);
    expect(many.upper - many.lower).toBeLessThan(few.upper - few.lower);
  });
  it("needs two samples", () => {
    expect(() => predictionInterval([1], 0.9)).toThrow(RangeError);
  });
});
