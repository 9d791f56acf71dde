import { gammaln, mean, probit, sampleStandardDeviation } from "simple-statistics";

/** Density of Student's t distribution with `degrees` degrees of freedom. */
function density(t: number, degrees: number): number {
  const logNormaliser = gammaln((degrees + 1) / 2) - gammaln(degrees / 2) - 0.5 * Math.log(degrees * Math.PI);
  return Math.exp(logNormaliser - ((degrees + 1) / 2) * Math.log(1 + (t * t) / degrees));
}

/** P(0 <= T <= t) by composite Simpson's rule; the density is smooth, 400 panels give 1e-7 accuracy below t = 70. */
function centralMass(t: number, degrees: number): number {
  const panels = 400;
  const step = t / panels;
  let total = density(0, degrees) + density(t, degrees);
  for (let index = 1; index < panels; index += 1) total += (index % 2 === 0 ? 2 : 4) * density(index * step, degrees);
  return (total * step) / 3;
}

/**
 * The two-sided critical value of Student's t distribution: the `t` with P(|T| <= t) = `level`.
 * simple-statistics gives the log-gamma function and the normal quantile, not the t quantile, so the
 * quantile is found by bisection on the integrated density (starting from the normal quantile, which
 * it always exceeds).
 */
export function tCriticalValue(level: number, degrees: number): number {
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  if (!(degrees >= 1)) throw new RangeError(`degrees of freedom must be >= 1, got ${degrees}`);
  const target = level / 2;
  let low = probit(0.5 + level / 2);
  let high = Math.max(2 * low, 1);
  while (centralMass(high, degrees) < target) high *= 2;
  for (let iteration = 0; iteration < 60; iteration += 1) {
    const middle = (low + high) / 2;
    if (centralMass(middle, degrees) < target) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

/** A prediction interval for one new observation of a normal sample. */
export interface PredictionInterval {
  mean: number;
  standardDeviation: number;
  lower: number;
  upper: number;
  samples: number;
  level: number;
}

/**
 * The prediction interval for the next observation: mean +- t(level, n-1) * s * sqrt(1 + 1/n).
 * Wider than the confidence interval of the mean, because we predict one migration, not the average.
 */
export function predictionInterval(values: readonly number[], level: number): PredictionInterval {
  if (values.length < 2) throw new RangeError("a prediction interval needs at least 2 samples");
  const center = mean([...values]);
  const deviation = sampleStandardDeviation([...values]);
  const half = tCriticalValue(level, values.length - 1) * deviation * Math.sqrt(1 + 1 / values.length);
  return {
    mean: center,
    standardDeviation: deviation,
    lower: center - half,
    upper: center + half,
    samples: values.length,
    level,
  };
}
