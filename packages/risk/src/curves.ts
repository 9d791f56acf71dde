/** Clamps a number to [0, 1]; NaN counts as 0 so a missing input never raises a score. */
export function clampUnit(value: number): number {
  if (Number.isNaN(value)) return 0;
  return Math.min(1, Math.max(0, value));
}

/**
 * Logarithmic curve: `low` (or less) gives 0, `high` (or more) gives 1, and each multiplication of
 * the input by the same factor adds the same amount. Sizes and durations span many orders of
 * magnitude, and 10 MB -> 100 MB matters as much as 10 GB -> 100 GB.
 */
export function logarithmicCurve(input: number, low: number, high: number): number {
  if (!(input > low)) return 0;
  return clampUnit(Math.log(input / low) / Math.log(high / low));
}

/** Linear curve: `low` (or less) gives 0, `high` (or more) gives 1. */
export function linearCurve(input: number, low: number, high: number): number {
  return clampUnit((input - low) / (high - low));
}
