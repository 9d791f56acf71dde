import { quantileSorted } from "simple-statistics";
import type { Objective, SloDefinition } from "./definitions.js";
import { type ViolationSeverity, violationSeverity } from "./severity.js";

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
  samples: number;
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

function labelOf(objective: Objective): string {
  if (objective.type === "latency") return `p${objective.percentile} <= ${objective.thresholdMs} ms`;
  const unit = objective.unit ? ` ${objective.unit}` : "";
  return objective.type === "maximum" ? `<= ${objective.threshold}${unit}` : `>= ${objective.threshold}${unit}`;
}

/** Evaluates one objective on sorted values (ascending, non-empty). */
export function evaluateObjective(operation: string, objective: Objective, sortedValues: number[]): ObjectiveResult {
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
  const met = objective.type === "latency" ? observed <= threshold && compliance >= target - 1e-12 : compliance === 1;
  const direction = objective.type === "minimum" ? "at_least" : "at_most";
  return {
    operation,
    objective,
    label: labelOf(objective),
    observed,
    threshold,
    compliance,
    target,
    errorBudgetRemaining,
    met,
    severity: met ? null : violationSeverity(observed, threshold, direction),
    samples: count,
  };
}

/** Evaluates every objective of a definition. */
export function evaluateDefinition(definition: SloDefinition, sortedValues: number[]): ObjectiveResult[] {
  return definition.objectives.map((objective) => evaluateObjective(definition.operation, objective, sortedValues));
}
