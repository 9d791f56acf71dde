import { describe, expect, it } from "vitest";
import type { CheckRecord } from "./baseline.js";
import { queryTrends, sparkline } from "./history.js";

const check = (queryId: string, day: number, meanMs: number, severity: CheckRecord["severity"] = "ok"): CheckRecord => ({
  queryId,
  environment: "local",
  checkedAt: new Date(Date.UTC(2026, 0, 1 + day)).toISOString(),
  meanMs,
  baselineMeanMs: 10,
  relativeChange: (meanMs - 10) / 10,
  severity,
  improvement: false,
});

describe("history", () => {
  it("draws sparklines between the minimum and maximum", () => {
    expect(sparkline([1, 2, 3, 4, 5, 6, 7, 8])).toBe("▁▂▃▄▅▆▇█");
    expect(sparkline([5, 5])).toBe("▁▁");
    expect(sparkline([])).toBe("");
  });

  it("fits the slope per day and counts regressions per query", () => {
    const trends = queryTrends([check("b", 0, 10), check("a", 0, 10), check("a", 2, 14, "error"), check("a", 1, 12)]);
    expect(trends.map((trend) => trend.queryId)).toEqual(["a", "b"]);
    expect(trends[0]).toMatchObject({ checks: 3, firstMs: 10, lastMs: 14, regressions: 1, sparkline: "▁▅█" });
    expect(trends[0]?.slopeMsPerDay).toBeCloseTo(2, 10);
    expect(trends[1]?.slopeMsPerDay).toBe(0);
  });
});
