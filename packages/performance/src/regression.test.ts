import { describe, expect, it } from "vitest";
import { detectRegression } from "./regression.js";
import { summarizeSample } from "./statistics.js";

const around = (center: number, spread: number, count = 30) =>
  Array.from({ length: count }, (_, index) => center + spread * Math.sin(index * 1.7));

describe("detectRegression", () => {
  const baseline = summarizeSample(around(10, 0.5));

  it.each([
    [10, "ok"],
    [10.5, "info"],
    [11.2, "warning"],
    [13, "error"],
  ] as const)("grades a mean of %d ms against a 10 ms baseline as %s", (center, severity) => {
    expect(detectRegression("q", baseline, around(center, 0.5)).severity).toBe(severity);
  });

  it("does not call noise a regression", () => {
    const noisy = summarizeSample(around(10, 4));
    expect(detectRegression("q", noisy, around(10.8, 4).reverse()).severity).toBe("ok");
  });

  it("reports improvements separately", () => {
    const result = detectRegression("q", baseline, around(7, 0.5));
    expect(result).toMatchObject({ severity: "ok", improvement: true });
    expect(result.reason).toMatch(/^faster by 30\.0%/);
  });

  it("judges a 0 ms baseline against the absolute floor instead of dividing by zero", () => {
    const zero = { count: 10, mean: 0, standardDeviation: 0 };
    expect(detectRegression("q", zero, [0, 0, 0]).severity).toBe("ok");
    const result = detectRegression("q", zero, [0.2, 0.21, 0.19]);
    expect(result.severity).toBe("error");
    expect(Number.isFinite(result.relativeChange)).toBe(true);
  });

  it("uses the configured threshold", () => {
    expect(detectRegression("q", baseline, around(13, 0.5), { relativeThreshold: 0.5 }).severity).toBe("warning");
  });
});
