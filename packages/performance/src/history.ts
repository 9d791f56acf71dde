import { linearRegression } from "simple-statistics";
import type { CheckRecord } from "./baseline.js";

const bars = "▁▂▃▄▅▆▇█";

/** A terminal sparkline of values, scaled between their minimum and maximum. */
export function sparkline(values: readonly number[]): string {
  if (values.length === 0) return "";
  const low = Math.min(...values);
  const high = Math.max(...values);
  const span = high - low;
  return values.map((value) => bars[span === 0 ? 0 : Math.round(((value - low) / span) * (bars.length - 1))]).join("");
}

/** The trend of one query's checks. */
export interface QueryTrend {
  queryId: string;
  checks: number;
  firstMs: number;
  lastMs: number;
  /** Slope of a least-squares line through the check means, in milliseconds per day (0 with fewer than two checks). */
  slopeMsPerDay: number;
  sparkline: string;
  regressions: number;
}

const dayMs = 24 * 60 * 60 * 1000;

/** Groups checks by query and fits a line through each query's means over time. */
export function queryTrends(records: readonly CheckRecord[]): QueryTrend[] {
  const byQuery = new Map<string, CheckRecord[]>();
  for (const record of records) byQuery.set(record.queryId, [...(byQuery.get(record.queryId) ?? []), record]);
  return [...byQuery.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([queryId, checks]) => {
      const ordered = [...checks].sort((a, b) => a.checkedAt.localeCompare(b.checkedAt));
      const origin = new Date(ordered[0]?.checkedAt ?? 0).getTime();
      const points = ordered.map((check) => [(new Date(check.checkedAt).getTime() - origin) / dayMs, check.meanMs]);
      const distinctTimes = new Set(points.map(([time]) => time)).size;
      return {
        queryId,
        checks: ordered.length,
        firstMs: ordered[0]?.meanMs ?? 0,
        lastMs: ordered[ordered.length - 1]?.meanMs ?? 0,
        slopeMsPerDay: distinctTimes >= 2 ? linearRegression(points).m : 0,
        sparkline: sparkline(ordered.map((check) => check.meanMs)),
        regressions: ordered.filter((check) => check.severity === "error" || check.severity === "warning").length,
      };
    });
}
