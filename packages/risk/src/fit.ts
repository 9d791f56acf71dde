import type { Throughput } from "./config.js";

/** A timed run: how much work, how long. */
export interface WorkSample {
  units: number;
  durationMs: number;
}

/**
 * Fits `duration = fixedMs + units / perSecond * 1000` to samples at two or more sizes by least
 * squares. A fixed cost is real (planning, catalog updates, commit) and matters for small tables;
 * it is kept non-negative, and a non-positive slope (noise on tiny work) falls back to the ratio of
 * the largest sample.
 */
export function fitThroughput(samples: readonly WorkSample[], unit: Throughput["unit"]): Throughput {
  if (samples.length === 0) throw new RangeError("fitThroughput needs at least one sample");
  const count = samples.length;
  const meanUnits = samples.reduce((sum, sample) => sum + sample.units, 0) / count;
  const meanDuration = samples.reduce((sum, sample) => sum + sample.durationMs, 0) / count;
  const spread = samples.reduce((sum, sample) => sum + (sample.units - meanUnits) ** 2, 0);
  const largest = samples.reduce((best, sample) => (sample.units > best.units ? sample : best));
  let slope =
    spread > 0
      ? samples.reduce((sum, sample) => sum + (sample.units - meanUnits) * (sample.durationMs - meanDuration), 0) / spread
      : 0;
  let fixedMs = meanDuration - slope * meanUnits;
  if (!(slope > 0)) {
    slope = largest.units > 0 ? Math.max(largest.durationMs, 1e-3) / largest.units : 1e-9;
    fixedMs = 0;
  } else if (fixedMs < 0) {
    // Force the line through the origin instead: work cannot take negative time.
    slope =
      samples.reduce((sum, sample) => sum + sample.units * sample.durationMs, 0) /
      samples.reduce((sum, sample) => sum + sample.units ** 2, 0);
    fixedMs = 0;
  }
  return { unit, perSecond: 1000 / slope, fixedMs };
}

/**
 * The scatter of measured durations around a fitted throughput: the standard deviation of
 * ln(measured / fitted). 0 with fewer than two samples. It widens the calibrated bounds on a noisy server.
 */
export function logResidualSpread(samples: readonly WorkSample[], throughput: Throughput): number {
  const residuals = samples
    .filter((sample) => sample.durationMs > 0)
    .map((sample) =>
      Math.log(sample.durationMs / Math.max(throughput.fixedMs + (sample.units / throughput.perSecond) * 1000, 1e-3)),
    );
  if (residuals.length < 2) return 0;
  const mean = residuals.reduce((sum, value) => sum + value, 0) / residuals.length;
  return Math.sqrt(residuals.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (residuals.length - 1));
}
