import { quantileSorted } from "simple-statistics";
import { type Objective, objectiveLabel, type SloDefinition } from "./definitions.js";
import { burnRateRules, burnRateSeverity, type ViolationSeverity, violationSeverity } from "./severity.js";

/** Percentiles of one operation's samples. */
export interface OperationSummary {
  operation: string;
  count: number;
  min: number;
  max: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
}

/** How one objective fares against the samples. */
export interface ObjectiveResult {
  operation: string;
  objective: Objective;
  /** Human label: `p99 <= 50 ms`, `<= 5 %`. */
  label: string;
  /** The observed figure compared with the threshold: the percentile, or the worst value. */
  observed: number;
  threshold: number;
  /** Share of samples within the threshold (0..1). */
  compliance: number;
  /** Share of samples the objective needs within the threshold (p99 -> 0.99; value objectives -> 1). */
  target: number;
  /** Error budget left: 1 = untouched, 0 = spent, negative = overspent. */
  errorBudgetRemaining: number;
  met: boolean;
  severity: ViolationSeverity | null;
  /** For budgeted (latency) objectives with timestamps: the burn rates of the rule that fired. */
  burnRate?: { long: number; short: number };
  samples: number;
}

/** Timestamps for burn rates: the samples (any order) and the moment of the report. */
export interface TimedSamples {
  samples: ReadonlyArray<{ value: number; timestamp: number }>;
  now: number;
}

/** Without timestamps the whole set is one window, graded by the same burn-rate thresholds. */
function untimedSeverity(bad: number, allowedBad: number): ViolationSeverity {
  const burnRate = bad / allowedBad;
  const [critical, error] = burnRateRules;
  if (burnRate >= critical.burnRate) return "critical";
  if (burnRate >= error.burnRate) return "error";
  return "warning";
}

/** Summary statistics of sorted values; `values` must be sorted ascending and non-empty. */
export function summarize(operation: string, sortedValues: number[]): OperationSummary {
  const sum = sortedValues.reduce((total, value) => total + value, 0);
  return {
    operation,
    count: sortedValues.length,
    min: sortedValues[0] ?? 0,
    max: sortedValues[sortedValues.length - 1] ?? 0,
    mean: sum / sortedValues.length,
    p50: quantileSorted(sortedValues, 0.5),
    p95: quantileSorted(sortedValues, 0.95),
    p99: quantileSorted(sortedValues, 0.99),
  };
}

/**
 * Evaluates one objective on sorted values (ascending, non-empty). A latency objective has an error
 * budget, so its severity is the burn rate's (multiwindow rules, see `burnRateRules`) when `timed`
 * gives timestamps; it is violated when the stored window misses it or a burn-rate rule fires.
 * Value objectives (maximum, minimum) have no budget: graded by how far the worst value is.
 */
export function evaluateObjective(
  operation: string,
  objective: Objective,
  sortedValues: number[],
  timed?: TimedSamples,
): ObjectiveResult {
  const count = sortedValues.length;
  let observed: number;
  let threshold: number;
  let within: number;
  let target: number;
  if (objective.type === "latency") {
    threshold = objective.thresholdMs;
    observed = quantileSorted(sortedValues, objective.percentile / 100);
    within = sortedValues.filter((value) => value <= threshold).length;
    target = objective.percentile / 100;
  } else if (objective.type === "maximum") {
    threshold = objective.threshold;
    observed = sortedValues[count - 1] ?? 0;
    within = sortedValues.filter((value) => value <= threshold).length;
    target = 1;
  } else {
    threshold = objective.threshold;
    observed = sortedValues[0] ?? 0;
    within = sortedValues.filter((value) => value >= threshold).length;
    target = 1;
  }
  const compliance = within / count;
  const allowedBad = 1 - target;
  const bad = 1 - compliance;
  // A value objective allows no misses: its budget is all or nothing.
  const errorBudgetRemaining = allowedBad > 0 ? 1 - bad / allowedBad : bad === 0 ? 1 : 0;
  const direction = objective.type === "minimum" ? "at_least" : "at_most";
  // What every verdict reports, whatever the objective's kind.
  const measured = {
    operation,
    objective,
    label: objectiveLabel(objective),
    observed,
    threshold,
    compliance,
    target,
    errorBudgetRemaining,
  };
  if (objective.type !== "latency") {
    const met = compliance === 1;
    return { ...measured, met, severity: met ? null : violationSeverity(observed, threshold, direction), samples: count };
  }
  const windowMet = observed <= threshold && compliance >= target - 1e-12;
  const fired = timed
    ? burnRateSeverity(
        timed.samples.map((sample) => ({ timestamp: sample.timestamp, good: sample.value <= threshold })),
        allowedBad,
        timed.now,
      )
    : undefined;
  const met = windowMet && fired === undefined;
  let severity: ViolationSeverity | null = null;
  if (fired) severity = fired.severity;
  else if (!met) severity = timed ? "warning" : untimedSeverity(bad, allowedBad);
  return {
    ...measured,
    met,
    severity,
    ...(fired ? { burnRate: { long: fired.longBurnRate, short: fired.shortBurnRate } } : {}),
    samples: count,
  };
}

/** Evaluates every objective of a definition. */
export function evaluateDefinition(definition: SloDefinition, sortedValues: number[], timed?: TimedSamples): ObjectiveResult[] {
  return definition.objectives.map((objective) => evaluateObjective(definition.operation, objective, sortedValues, timed));
}
