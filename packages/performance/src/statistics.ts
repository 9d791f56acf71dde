import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
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

/** Result of the one-sided Mann–Whitney U test of "candidate tends to be slower than baseline". */
export interface RankTest {
  u: number;
  z: number;
  /** One-sided p-value for candidate values tending to be larger (slower). */
  pSlower: number;
  /** One-sided p-value for candidate values tending to be smaller (faster). */
  pFaster: number;
}

/**
 * The Mann–Whitney U test (normal approximation with tie and continuity corrections). Query latencies
 * are skewed and a loaded machine adds outliers that wreck a t-test's variance; a rank test compares
 * the distributions without being dragged by one slow run.
 */
export function mannWhitney(baseline: readonly number[], candidate: readonly number[]): RankTest {
  const n1 = baseline.length;
  const n2 = candidate.length;
  const all = [
    ...baseline.map((value) => ({ value, candidate: false })),
    ...candidate.map((value) => ({ value, candidate: true })),
  ].sort((a, b) => a.value - b.value);
  let candidateRankSum = 0;
  let tieTerm = 0;
  for (let start = 0; start < all.length; ) {
    let end = start;
    while (end + 1 < all.length && all[end + 1]?.value === all[start]?.value) end += 1;
    const averageRank = (start + end) / 2 + 1;
    const ties = end - start + 1;
    tieTerm += ties ** 3 - ties;
    for (let index = start; index <= end; index += 1) if (all[index]?.candidate) candidateRankSum += averageRank;
    start = end + 1;
  }
  const u = candidateRankSum - (n2 * (n2 + 1)) / 2;
  const mean = (n1 * n2) / 2;
  const total = n1 + n2;
  const variance = ((n1 * n2) / 12) * (total + 1 - tieTerm / (total * (total - 1) || 1));
  if (variance <= 0) return { u, z: 0, pSlower: u > mean ? 0 : 1, pFaster: u < mean ? 0 : 1 };
  const deviation = Math.sqrt(variance);
  const zSlower = (u - mean - 0.5) / deviation;
  const zFaster = (u - mean + 0.5) / deviation;
  // simple-statistics' normal table stops at |z| = 3.09 (p = 0.001); @stdlib's CDF keeps small p exact.
  return {
    u,
    z: (u - mean) / deviation,
    pSlower: normalCdf(-zSlower, 0, 1),
    pFaster: normalCdf(zFaster, 0, 1),
  };
}
