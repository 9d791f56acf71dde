import { median } from "simple-statistics";
import { z } from "zod";
import { type AccessPath, lostIndexAccess } from "./plan-shape.js";
import { hodgesLehmann } from "./statistics.js";

export type Verdict = "ok" | "info" | "warning" | "error" | "inconclusive";

export const verdictOptionsSchema = z.object({
  /** Slowdown factor minus one that makes an error (0.2: 1.2× slower). Half of it makes a warning. */
  relativeThreshold: z.number().positive().default(0.2),
  /**
   * How far the reference workload may move between baseline and check (as a factor, either way)
   * before the machine is judged too different to compare: the verdict is then `inconclusive`.
   */
  referenceBand: z.number().gt(1).default(2),
  /** Confidence level of the slowdown's interval. */
  confidence: z.number().gt(0).lt(1).default(0.95),
});
export type VerdictOptions = z.input<typeof verdictOptionsSchema>;

/** The measurements of one query that a verdict compares: from a baseline or a new profile. */
export interface Measured {
  samples: readonly number[];
  referenceSamples: readonly number[];
  sharedBlocks?: number | undefined;
  rows?: number | undefined;
  planSignature?: string | undefined;
  accessPaths?: readonly AccessPath[] | undefined;
}

/** The verdict on one query, with the evidence. */
export interface Comparison {
  verdict: Verdict;
  /** Estimated slowdown factor of the query relative to the reference (Hodges–Lehmann, log scale). */
  factor: number;
  /** Its confidence interval. */
  factorInterval: [number, number];
  /** How much the reference itself moved (candidate median / baseline median). */
  referenceDrift: number;
  /** Shared buffers touched, candidate over baseline (1 when unknown). */
  blocksRatio: number;
  planChanged: boolean;
  /** Relations that lost their index access (index scan -> sequential scan). */
  lostIndexes: AccessPath[];
  improvement: boolean;
  reason: string;
}

/** ln(query / reference) per round: the query's cost in units of the machine's current speed. */
function logRatios(measured: Measured): number[] {
  const count = Math.min(measured.samples.length, measured.referenceSamples.length);
  const ratios: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const query = Math.max(measured.samples[index] ?? 0, 0.001);
    const reference = Math.max(measured.referenceSamples[index] ?? 0, 0.001);
    ratios.push(Math.log(query / reference));
  }
  return ratios;
}

const times = (value: number) => `${value.toFixed(2)}×`;

/**
 * Compares a query's new measurements with its baseline's, in this order:
 * 1. plan shape: a relation read through an index before and by a sequential scan now is an error,
 *    whatever the timings (they depend on the table's size and the machine; the plan does not);
 * 2. drift: when the reference workload moved beyond `referenceBand`, the machine is too different
 *    to compare timings: `inconclusive`, never an error, never an improvement;
 * 3. the slowdown: the Hodges–Lehmann shift of ln(query / reference) between the two sets of rounds,
 *    with its confidence interval, as a factor. Error: the factor reaches 1 + threshold and the
 *    interval's low end exceeds 1 + threshold/2; or the query touches at least 1 + threshold times
 *    the shared buffers (more work, counted without a clock) and the factor reaches 1 + threshold/2.
 *    Warning: interval above 1 and factor at least 1 + threshold/2. Info: interval above 1.
 *    An interval below 1 and a factor under 1 − threshold/2: improved.
 */
export function compareMeasurements(baseline: Measured, candidate: Measured, options: VerdictOptions = {}): Comparison {
  const settings = verdictOptionsSchema.parse(options);
  const threshold = settings.relativeThreshold;
  const lostIndexes = lostIndexAccess(baseline.accessPaths ?? [], candidate.accessPaths ?? []);
  const planChanged =
    baseline.planSignature !== undefined &&
    candidate.planSignature !== undefined &&
    baseline.planSignature !== candidate.planSignature;
  const blocksRatio =
    baseline.sharedBlocks !== undefined && candidate.sharedBlocks !== undefined && baseline.sharedBlocks > 0
      ? candidate.sharedBlocks / baseline.sharedBlocks
      : 1;
  const referenceDrift = median([...candidate.referenceSamples]) / median([...baseline.referenceSamples]);
  const shift = hodgesLehmann(logRatios(baseline), logRatios(candidate), settings.confidence);
  const factor = Math.exp(shift.estimate);
  const factorInterval: [number, number] = [Math.exp(shift.interval[0]), Math.exp(shift.interval[1])];
  const evidence = `slower ${times(factor)} (95% CI ${times(factorInterval[0])}..${times(factorInterval[1])}) relative to the reference; reference drift ${times(referenceDrift)}; buffers ${times(blocksRatio)}`;
  const result = (verdict: Verdict, reason: string, improvement = false): Comparison => ({
    verdict,
    factor,
    factorInterval,
    referenceDrift,
    blocksRatio,
    planChanged,
    lostIndexes,
    improvement,
    reason,
  });

  if (lostIndexes.length > 0) {
    const lost = lostIndexes.map((path) => `${path.relation}${path.index ? ` (${path.index})` : ""}`).join(", ");
    return result("error", `plan regression: index access to ${lost} became a sequential scan; ${evidence}`);
  }
  if (referenceDrift > settings.referenceBand || referenceDrift < 1 / settings.referenceBand) {
    return result(
      "inconclusive",
      `the machine changed too much to compare (reference workload ${times(referenceDrift)} its baseline time, band ${times(settings.referenceBand)}); record the baseline again or retry on a quieter machine; ${evidence}`,
    );
  }
  const significant = factorInterval[0] > 1;
  const planNote = planChanged ? "; the plan changed" : "";
  // Timing alone makes an error only when even the interval's low end is clearly slower.
  if (factorInterval[0] > 1 + threshold / 2 && factor >= 1 + threshold) return result("error", `${evidence}${planNote}`);
  // More pages touched per run is work counted without a clock; with the timing pointing the same way it is an error.
  if (blocksRatio >= 1 + threshold && factor >= 1 + threshold / 2)
    return result("error", `${evidence}; ${times(blocksRatio)} the shared buffers per run${planNote}`);
  if (significant && factor >= 1 + threshold / 2) return result("warning", `${evidence}${planNote}`);
  if (significant) return result("info", `${evidence}${planNote}`);
  if (factorInterval[1] < 1 && factor <= 1 - threshold / 2) return result("ok", `faster: ${evidence}${planNote}`, true);
  return result(planChanged ? "info" : "ok", `no significant slowdown: ${evidence}${planNote}`);
}
