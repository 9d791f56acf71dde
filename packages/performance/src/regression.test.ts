import { describe, expect, it } from "vitest";
import { detectRegression } from "./regression.js";
import { mannWhitney } from "./statistics.js";

const around = (center: number, spread: number, count = 30) =>
  Array.from({ length: count }, (_, index) => center + spread * Math.sin(index * 1.7));

describe("detectRegression", () => {
  const baseline = around(10, 0.5);

  it.each([
    [10, "ok"],
    [10.5, "info"],
    [11.2, "warning"],
    [13, "error"],
  ] as const)("grades a median of %d ms against a 10 ms baseline as %s", (center, severity) => {
    expect(detectRegression("q", baseline, around(center, 0.5)).severity).toBe(severity);
  });

  it("does not call noise a regression", () => {
    expect(detectRegression("q", around(10, 4), around(10.8, 4).reverse()).severity).toBe("ok");
  });

  it("is not fooled by a few slow runs on a busy machine", () => {
    const noisyBaseline = [...around(0.1, 0.01, 27), 45, 60, 80];
    const seqScan = around(2, 0.2, 15);
    expect(detectRegression("q", noisyBaseline, seqScan).severity).toBe("error");
    expect(detectRegression("q", around(0.1, 0.01), [...around(0.1, 0.01, 12), 50, 70, 90]).severity).toBe("ok");
  });

  it("reports improvements separately", () => {
    const result = detectRegression("q", baseline, around(7, 0.5));
    expect(result).toMatchObject({ severity: "ok", improvement: true });
    expect(result.reason).toMatch(/^median faster by 30\.\d%/);
  });

  it("judges a 0 ms baseline against the absolute floor instead of dividing by zero", () => {
    const zero = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    expect(detectRegression("q", zero, [0, 0, 0]).severity).toBe("ok");
    const result = detectRegression("q", zero, [0.2, 0.21, 0.19, 0.2, 0.22]);
    expect(result.severity).toBe("error");
    expect(Number.isFinite(result.relativeChange)).toBe(true);
  });

  it("uses the configured threshold", () => {
    expect(detectRegression("q", baseline, around(13, 0.5), { relativeThreshold: 0.5 }).severity).toBe("warning");
  });
});

describe("mannWhitney", () => {
  it("matches a hand-computed U with ties", () => {
    // baseline 1,2,3 ; candidate 3,4,5: ranks 1,2,3.5 | 3.5,5,6 -> candidate rank sum 14.5, U = 14.5 - 6 = 8.5
    const result = mannWhitney([1, 2, 3], [3, 4, 5]);
    expect(result.u).toBe(8.5);
    // mean 4.5; variance 9/12 * (7 - 6/30) = 5.1; z = (8.5 - 4.5 - 0.5) / sqrt(5.1) = 1.55
    expect(result.pSlower).toBeCloseTo(0.0606, 3);
    expect(result.pFaster).toBeGreaterThan(0.9);
  });

  it("finds no difference between identical samples", () => {
    const result = mannWhitney([1, 2, 3, 4], [1, 2, 3, 4]);
    expect(result.pSlower).toBeGreaterThan(0.3);
    expect(result.pFaster).toBeGreaterThan(0.3);
  });
});
