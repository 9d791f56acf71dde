import { z } from "zod";
import { type SampleSummary, summarizeSample, welchTest } from "./statistics.js";

export type RegressionSeverity = "ok" | "info" | "warning" | "error";

export const regressionOptionsSchema = z.object({
  /** Relative slowdown that makes a significant change an error (0.2 = 20%). Half of it makes a warning. */
  relativeThreshold: z.number().positive().default(0.2),
  /** One-sided significance level of Welch's t-test. */
  significance: z.number().gt(0).lt(1).default(0.01),
  /**
   * Below this many milliseconds a baseline mean counts as zero: relative changes of a 0 ms query are
   * meaningless, so the change is judged in absolute terms against this floor instead.
   */
  absoluteFloorMs: z.number().nonnegative().default(0.05),
});
export type RegressionOptions = z.input<typeof regressionOptionsSchema>;

/** The verdict on one query. */
export interface RegressionResult {
  queryId: string;
  severity: RegressionSeverity;
  /** A significant speed-up of at least half the threshold: reported apart from regressions. */
  improvement: boolean;
  baselineMeanMs: number;
  candidateMeanMs: number;
  /** (candidate - baseline) / max(baseline, floor). */
  relativeChange: number;
  pValue: number;
  candidate: SampleSummary;
  reason: string;
}

/**
 * Compares new samples with a baseline. The method (documented in the README):
 * 1. Welch's one-sided t-test asks whether the candidate is slower at the `significance` level;
 * 2. the relative change (against the baseline mean, or the absolute floor for ~0 ms baselines)
 *    says whether the slowdown matters.
 * A regression needs both: significant AND relative change >= threshold -> error; >= threshold/2 ->
 * warning; significant but smaller -> info; otherwise ok. Requiring significance keeps noise from
 * raising alarms; requiring size keeps tiny but real drifts (caches warming) from raising them.
 */
export function detectRegression(
  queryId: string,
  baseline: Pick<SampleSummary, "count" | "mean" | "standardDeviation">,
  samples: readonly number[],
  options: RegressionOptions = {},
): RegressionResult {
  const settings = regressionOptionsSchema.parse(options);
  const candidate = summarizeSample(samples);
  const test = welchTest(baseline, candidate);
  const reference = Math.max(baseline.mean, settings.absoluteFloorMs);
  const relativeChange = (candidate.mean - baseline.mean) / (reference || 1);
  const slower = test.pSlower < settings.significance;
  const faster = test.pFaster < settings.significance;
  const percent = `${(relativeChange * 100).toFixed(1)}%`;
  let severity: RegressionSeverity = "ok";
  let reason = `no significant slowdown (p=${test.pSlower.toPrecision(2)}, change ${percent})`;
  if (slower) {
    if (relativeChange >= settings.relativeThreshold) severity = "error";
    else if (relativeChange >= settings.relativeThreshold / 2) severity = "warning";
    else severity = "info";
    reason = `slower by ${percent} (p=${test.pSlower.toPrecision(2)}; error from ${settings.relativeThreshold * 100}%)`;
  }
  const improvement = faster && -relativeChange >= settings.relativeThreshold / 2;
  if (improvement) reason = `faster by ${(-relativeChange * 100).toFixed(1)}% (p=${test.pFaster.toPrecision(2)})`;
  return {
    queryId,
    severity,
    improvement,
    baselineMeanMs: baseline.mean,
    candidateMeanMs: candidate.mean,
    relativeChange,
    pValue: slower || !faster ? test.pSlower : test.pFaster,
    candidate,
    reason,
  };
}
