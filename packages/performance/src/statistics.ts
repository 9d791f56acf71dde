import { errorFunction, mean, median, sampleStandardDeviation } from "simple-statistics";

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

/**
 * P(|T| < t) for Student's t with an integer number of degrees of freedom, in closed form
 * (Abramowitz & Stegun 26.7.3 and 26.7.4): exact, and a few lines where a distributions library
 * would pull hundreds of modules.
 */
function tCentralProbability(t: number, degreesOfFreedom: number): number {
  const theta = Math.atan(t / Math.sqrt(degreesOfFreedom));
  const cosine = Math.cos(theta);
  const sine = Math.sin(theta);
  const squared = cosine * cosine;
  if (degreesOfFreedom % 2 === 1) {
    if (degreesOfFreedom === 1) return (2 * theta) / Math.PI;
    let term = cosine;
    let sum = cosine;
    for (let k = 3; k <= degreesOfFreedom - 2; k += 2) {
      term *= (squared * (k - 1)) / k;
      sum += term;
    }
    return (2 / Math.PI) * (theta + sine * sum);
  }
  let term = 1;
  let sum = 1;
  for (let k = 2; k <= degreesOfFreedom - 2; k += 2) {
    term *= (squared * (k - 1)) / k;
    sum += term;
  }
  return sine * sum;
}

/** The two-sided 95% critical value of Student's t with `degreesOfFreedom` (whole, at least 1). */
export function tCritical95(degreesOfFreedom: number): number {
  const freedom = Math.max(1, Math.round(degreesOfFreedom));
  // Beyond a few thousand degrees of freedom t is the normal distribution to 4 decimals.
  if (freedom > 5000) return normalQuantile(0.975);
  let low = 0;
  let high = 20;
  while (tCentralProbability(high, freedom) < 0.95) high *= 2;
  for (let step = 0; step < 100 && high - low > 1e-12; step += 1) {
    const middle = (low + high) / 2;
    if (tCentralProbability(middle, freedom) < 0.95) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

/** The standard normal cumulative distribution function. */
export function normalCdf(z: number): number {
  return 0.5 * (1 + errorFunction(z / Math.SQRT2));
}

/**
 * The standard normal quantile, by bisection on the CDF: simple-statistics' `probit` is off in the
 * third decimal (1.9572 for 0.975), too coarse for interval widths.
 */
export function normalQuantile(probability: number): number {
  if (probability <= 0 || probability >= 1) throw new RangeError("normalQuantile needs 0 < p < 1");
  let low = -40;
  let high = 40;
  for (let step = 0; step < 200 && high - low > 1e-12; step += 1) {
    const middle = (low + high) / 2;
    if (normalCdf(middle) < probability) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
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
 * The Mann–Whitney U test (normal approximation with tie and continuity corrections). Kept for
 * callers that want a test; regression verdicts use the Hodges–Lehmann shift and its interval,
 * because a p-value at its floor (200 vs 20 runs) says nothing about how much slower.
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
  const center = (n1 * n2) / 2;
  const total = n1 + n2;
  const variance = ((n1 * n2) / 12) * (total + 1 - tieTerm / (total * (total - 1) || 1));
  if (variance <= 0) return { u, z: 0, pSlower: u > center ? 0 : 1, pFaster: u < center ? 0 : 1 };
  const deviation = Math.sqrt(variance);
  return {
    u,
    z: (u - center) / deviation,
    pSlower: normalCdf(-(u - center - 0.5) / deviation),
    pFaster: normalCdf((u - center + 0.5) / deviation),
  };
}

/** A location shift between two samples with its distribution-free confidence interval. */
export interface ShiftEstimate {
  /** Median of all pairwise differences candidate − baseline. */
  estimate: number;
  /** Confidence interval of the shift (Moses' interval from the Mann–Whitney distribution). */
  interval: [number, number];
  confidence: number;
}

/**
 * The Hodges–Lehmann estimate of how much `candidate` is shifted from `baseline`, with its
 * confidence interval: the k-th smallest and largest pairwise differences, k from the normal
 * approximation of the Mann–Whitney U distribution. Robust to outliers, and it says how much,
 * not only whether.
 */
export function hodgesLehmann(baseline: readonly number[], candidate: readonly number[], confidence = 0.95): ShiftEstimate {
  if (baseline.length === 0 || candidate.length === 0) throw new RangeError("hodgesLehmann needs two non-empty samples");
  const differences: number[] = [];
  for (const after of candidate) for (const before of baseline) differences.push(after - before);
  differences.sort((a, b) => a - b);
  const n1 = baseline.length;
  const n2 = candidate.length;
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const k = Math.floor((n1 * n2) / 2 - z * Math.sqrt((n1 * n2 * (n1 + n2 + 1)) / 12));
  // 1-based: the k-th smallest and the k-th largest difference (R's wilcox.test conf.int).
  const lowerIndex = Math.min(Math.max(k - 1, 0), differences.length - 1);
  const upperIndex = Math.max(Math.min(differences.length - k, differences.length - 1), 0);
  return {
    estimate: median(differences),
    interval: [differences[lowerIndex] ?? 0, differences[upperIndex] ?? 0],
    confidence,
  };
}
