import { median } from "simple-statistics";
import { z } from "zod";
import { mannWhitney, type SampleSummary, summarizeSample } from "./statistics.js";

/** `inconclusive`: the machine changed too much between baseline and check to compare timings. */
export type RegressionSeverity = "ok" | "info" | "warning" | "error" | "inconclusive";

export const regressionOptionsSchema = z.object({
  /** Relative slowdown of the median that makes a significant change an error (0.2 = 20%). Half of it makes a warning. */
  relativeThreshold: z.number().positive().default(0.2),
  /** One-sided significance level of the Mann–Whitney U test. */
  significance: z.number().gt(0).lt(1).default(0.01),
  /**
   * Below this many milliseconds a baseline median counts as zero: relative changes of a 0 ms query
   * are meaningless, so the change is judged against this floor instead.
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
  baselineMedianMs: number;
  candidateMedianMs: number;
  /** (candidate median - baseline median) / max(baseline median, floor). */
  relativeChange: number;
  /** The Mann–Whitney p-value (sample comparison only; verdicts of `compareMeasurements` carry an interval instead). */
  pValue?: number;
  candidate: SampleSummary;
  reason: string;
  /** Slowdown factor relative to the reference workload, with its 95% interval (Hodges–Lehmann). */
  factor?: number;
  factorInterval?: [number, number];
  referenceDrift?: number;
  blocksRatio?: number;
  planChanged?: boolean;
}

/**
 * Compares new samples with a baseline's samples. The method (documented in the README):
 * 1. the one-sided Mann–Whitney U test asks whether the new runs tend to be slower, at the
 *    `significance` level — a rank test, because latencies are skewed and one slow run on a busy
 *    machine must not hide (or fake) a regression;
 * 2. the relative change of the median (against the baseline median, or the absolute floor for ~0 ms
 *    baselines) says whether the slowdown matters.
 * A regression needs both: significant AND change >= threshold -> error; >= threshold/2 -> warning;
 * significant but smaller -> info; otherwise ok.
 */
export function detectRegression(
  queryId: string,
  baselineSamples: readonly number[],
  samples: readonly number[],
  options: RegressionOptions = {},
): RegressionResult {
  const settings = regressionOptionsSchema.parse(options);
  const candidate = summarizeSample(samples);
  const baseline = summarizeSample(baselineSamples);
  const baselineMedian = median([...baselineSamples]);
  const candidateMedian = median([...samples]);
  const test = mannWhitney(baselineSamples, samples);
  const reference = Math.max(baselineMedian, settings.absoluteFloorMs);
  const relativeChange = (candidateMedian - baselineMedian) / (reference || 1);
  const slower = test.pSlower < settings.significance;
  const faster = test.pFaster < settings.significance;
  const percent = `${(relativeChange * 100).toFixed(1)}%`;
  let severity: RegressionSeverity = "ok";
  let reason = `no significant slowdown (p=${test.pSlower.toPrecision(2)}, median change ${percent})`;
  if (slower) {
    if (relativeChange >= settings.relativeThreshold) severity = "error";
    else if (relativeChange >= settings.relativeThreshold / 2) severity = "warning";
    else severity = "info";
    reason = `median slower by ${percent} (p=${test.pSlower.toPrecision(2)}; error from ${settings.relativeThreshold * 100}%)`;
  }
  const improvement = faster && -relativeChange >= settings.relativeThreshold / 2;
  if (improvement) reason = `median faster by ${(-relativeChange * 100).toFixed(1)}% (p=${test.pFaster.toPrecision(2)})`;
  return {
    queryId,
    severity,
    improvement,
    baselineMeanMs: baseline.mean,
    candidateMeanMs: candidate.mean,
    baselineMedianMs: baselineMedian,
    candidateMedianMs: candidateMedian,
    relativeChange,
    pValue: slower || !faster ? test.pSlower : test.pFaster,
    candidate,
    reason,
  };
}
