import tCdf from "@stdlib/stats-base-dists-t-cdf";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import { mean, sampleStandardDeviation } from "simple-statistics";

/** Summary statistics of a sample of durations (milliseconds). */
export interface SampleSummary {
  count: number;
  mean: number;
  standardDeviation: number;
  /** 95% confidence interval of the mean, from the t distribution with n-1 degrees of freedom. */
  confidenceInterval: [number, number];
  /**
   * 95% prediction interval for ONE future run: mean ± t * s * sqrt(1 + 1/n). A single new
   * measurement outside it is unusual; the confidence interval of the mean is far narrower.
   */
  predictionBand: [number, number];
}

/** The two-sided 95% critical value of Student's t with `degreesOfFreedom`. */
export function tCritical95(degreesOfFreedom: number): number {
  return tQuantile(0.975, Math.max(1, degreesOfFreedom));
}

/** Summarises a sample. One value gives a zero-width interval (no spread can be estimated). */
export function summarizeSample(values: readonly number[]): SampleSummary {
  if (values.length === 0) throw new RangeError("summarizeSample needs at least one value");
  const average = mean([...values]);
  if (values.length === 1) {
    return {
      count: 1,
      mean: average,
      standardDeviation: 0,
      confidenceInterval: [average, average],
      predictionBand: [average, average],
    };
  }
  const deviation = sampleStandardDeviation([...values]);
  const t = tCritical95(values.length - 1);
  const halfWidth = (t * deviation) / Math.sqrt(values.length);
  const predictionHalfWidth = t * deviation * Math.sqrt(1 + 1 / values.length);
  return {
    count: values.length,
    mean: average,
    standardDeviation: deviation,
    confidenceInterval: [average - halfWidth, average + halfWidth],
    predictionBand: [Math.max(0, average - predictionHalfWidth), average + predictionHalfWidth],
  };
}

/** Result of Welch's unequal-variances t-test of "candidate is slower than baseline". */
export interface WelchTest {
  t: number;
  degreesOfFreedom: number;
  /** One-sided p-value for candidate mean > baseline mean. */
  pSlower: number;
  /** One-sided p-value for candidate mean < baseline mean. */
  pFaster: number;
}

/**
 * Welch's t-test from summaries. Chosen over Student's because a regression usually changes the
 * spread as well as the mean (an index scan turning into a sequential scan). Degrees of freedom
 * by Welch–Satterthwaite.
 */
export function welchTest(
  baseline: Pick<SampleSummary, "count" | "mean" | "standardDeviation">,
  candidate: Pick<SampleSummary, "count" | "mean" | "standardDeviation">,
): WelchTest {
  const baselineVariance = baseline.standardDeviation ** 2 / baseline.count;
  const candidateVariance = candidate.standardDeviation ** 2 / candidate.count;
  const standardError = Math.sqrt(baselineVariance + candidateVariance);
  const difference = candidate.mean - baseline.mean;
  if (standardError === 0) {
    // No spread on either side: any difference is certain, no difference is certainly none.
    return {
      t: difference === 0 ? 0 : Math.sign(difference) * Number.POSITIVE_INFINITY,
      degreesOfFreedom: Math.max(1, baseline.count + candidate.count - 2),
      pSlower: difference > 0 ? 0 : 1,
      pFaster: difference < 0 ? 0 : 1,
    };
  }
  const t = difference / standardError;
  const degreesOfFreedom =
    (baselineVariance + candidateVariance) ** 2 /
    ((baseline.count > 1 ? baselineVariance ** 2 / (baseline.count - 1) : 0) +
      (candidate.count > 1 ? candidateVariance ** 2 / (candidate.count - 1) : 0) || 1);
  const cumulative = tCdf(t, Math.max(1, degreesOfFreedom));
  return { t, degreesOfFreedom, pSlower: 1 - cumulative, pFaster: cumulative };
}
