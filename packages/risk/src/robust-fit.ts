import { tCriticalValue } from "./t-distribution.js";
import type { Coefficients } from "./cost-model.js";

/** One measured run: the features of its work, its duration, and the table shape it ran on. */
export interface FitSample {
  features: Record<string, number>;
  durationMs: number;
  /** Samples of one group (a table shape) are left out together when the fit's error is measured. */
  group: string;
}

/**
 * Solves min ||A x - b||² subject to x >= 0 by projected Gauss-Seidel on the normal equations: few
 * unknowns (at most 6), so a few hundred sweeps converge.
 */
export function nonNegativeLeastSquares(a: readonly number[][], b: readonly number[]): number[] {
  const columns = a[0]?.length ?? 0;
  const gram = Array.from({ length: columns }, () => new Array<number>(columns).fill(0));
  const right = new Array<number>(columns).fill(0);
  a.forEach((row, index) => {
    for (let i = 0; i < columns; i += 1) {
      right[i]! += row[i]! * b[index]!;
      for (let j = 0; j < columns; j += 1) gram[i]![j]! += row[i]! * row[j]!;
    }
  });
  // A whisker of ridge keeps columns that are (nearly) copies of each other from drifting apart.
  for (let i = 0; i < columns; i += 1) gram[i]![i]! += 1e-9 * (gram[i]![i]! + 1e-12);
  const x = new Array<number>(columns).fill(0);
  for (let sweep = 0; sweep < 500; sweep += 1) {
    let change = 0;
    for (let i = 0; i < columns; i += 1) {
      let residual = right[i]!;
      for (let j = 0; j < columns; j += 1) residual -= gram[i]![j]! * x[j]!;
      const next = Math.max(0, x[i]! + residual / gram[i]![i]!);
      change = Math.max(change, Math.abs(next - x[i]!));
      x[i] = next;
    }
    if (change < 1e-12) break;
  }
  return x;
}

const absoluteLogError = (predicted: readonly number[], measured: readonly number[]) =>
  predicted.reduce((sum, value, index) => sum + Math.abs(Math.log(Math.max(value, 1e-9) / measured[index]!)), 0);

/**
 * Fits non-negative coefficients that minimise the sum of |ln(predicted / measured)|: a median
 * regression on a log scale, so one slow run (a checkpoint, a neighbour's query) moves the fit little
 * and short and long statements count alike. Iteratively reweighted least squares on the linearised
 * log error, each step a non-negative least squares solve, with a step-halving line search.
 * Features never non-zero in the samples cannot be fitted: they keep `fallback`'s coefficient.
 */
export function fitLogMedian(samples: readonly FitSample[], names: readonly string[], fallback: Coefficients): Coefficients {
  const coefficients: Coefficients = {};
  const usable = samples.filter((sample) => sample.durationMs > 0);
  const fitted = names.filter((name) => usable.some((sample) => (sample.features[name] ?? 0) > 0));
  for (const name of names) if (!fitted.includes(name)) coefficients[name] = fallback[name] ?? 0;
  if (fitted.length === 0 || usable.length === 0) return coefficients;
  const measured = usable.map((sample) => sample.durationMs);
  // Scale columns so every coefficient is of order one.
  const scale = fitted.map((name) => {
    const ratios = usable
      .filter((sample) => (sample.features[name] ?? 0) > 0)
      .map((sample) => (sample.features[name] ?? 0) / sample.durationMs)
      .sort((left, right) => left - right);
    return ratios[Math.floor(ratios.length / 2)] ?? 1;
  });
  const design = usable.map((sample) => fitted.map((name, column) => (sample.features[name] ?? 0) / scale[column]!));
  const predict = (x: readonly number[]) => design.map((row) => row.reduce((sum, value, column) => sum + value * x[column]!, 0));
  // Start from least squares on relative errors.
  let x = nonNegativeLeastSquares(
    design.map((row, index) => row.map((value) => value / measured[index]!)),
    measured.map(() => 1),
  );
  let error = absoluteLogError(predict(x), measured);
  for (let iteration = 0; iteration < 60; iteration += 1) {
    const predicted = predict(x);
    const residuals = predicted.map((value, index) => Math.log(Math.max(value, 1e-9) / measured[index]!));
    const weights = residuals.map((residual) => 1 / Math.sqrt(Math.max(Math.abs(residual), 0.01)));
    const step = nonNegativeLeastSquares(
      design.map((row, index) => row.map((value) => (value / Math.max(predicted[index]!, 1e-9)) * weights[index]!)),
      residuals.map((residual, index) => (1 - residual) * weights[index]!),
    );
    let improved = false;
    for (let fraction = 1; fraction > 1 / 64; fraction /= 2) {
      const candidate = x.map((value, column) => value + fraction * (step[column]! - value));
      const candidateError = absoluteLogError(predict(candidate), measured);
      if (candidateError < error - 1e-9) {
        x = candidate;
        error = candidateError;
        improved = true;
        break;
      }
    }
    if (!improved) break;
  }
  fitted.forEach((name, column) => {
    coefficients[name] = x[column]! / scale[column]!;
  });
  return coefficients;
}

/** ln(measured / predicted) of each sample, predicted by a fit that never saw the sample's group. */
export function crossValidatedResiduals(
  samples: readonly FitSample[],
  train: (training: readonly FitSample[]) => (sample: FitSample) => number,
): number[] {
  const groups = [...new Set(samples.map((sample) => sample.group))];
  // With one group, leave one sample out instead.
  const folds =
    groups.length > 1
      ? groups.map((group) => samples.filter((sample) => sample.group === group))
      : samples.map((sample) => [sample]);
  const residuals: number[] = [];
  for (const held of folds) {
    const training = samples.filter((sample) => !held.includes(sample));
    if (training.length === 0) continue;
    const predict = train(training);
    for (const sample of held) {
      if (sample.durationMs > 0) residuals.push(Math.log(sample.durationMs / Math.max(predict(sample), 1e-6)));
    }
  }
  return residuals;
}

/**
 * A two-sided prediction interval of log residuals at `level`, from a robust centre and scale: the
 * median, and the standard deviation of the residuals winsorised at three median absolute deviations
 * (so one freak run widens it a little, not to its own size), times Student's t for the number of
 * residuals and sqrt(1 + 1/n). Extreme order statistics of a dozen runs would be exact in theory but
 * jump from one calibration to the next; this interval is stable and, on held-out shapes, about as wide.
 * At least `minimumHalfWidth` either side of zero.
 */
export function residualInterval(
  residuals: readonly number[],
  level: number,
  minimumHalfWidth: number,
): { lowerLog: number; upperLog: number } {
  const count = residuals.length;
  if (count < 2) return { lowerLog: -minimumHalfWidth, upperLog: minimumHalfWidth };
  const centre = middle(residuals);
  const mad = 1.4826 * middle(residuals.map((value) => Math.abs(value - centre)));
  const limit = mad > 0 ? 3 * mad : Number.POSITIVE_INFINITY;
  const clipped = residuals.map((value) => centre + Math.max(-limit, Math.min(limit, value - centre)));
  const spread = Math.sqrt(clipped.reduce((sum, value) => sum + (value - centre) ** 2, 0) / (count - 1));
  const half = tCriticalValue(level, count - 1) * spread * Math.sqrt(1 + 1 / count);
  return {
    lowerLog: Math.min(-minimumHalfWidth, centre - half),
    upperLog: Math.max(minimumHalfWidth, centre + half),
  };
}

function middle(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const index = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[index]! : (sorted[index - 1]! + sorted[index]!) / 2;
}
