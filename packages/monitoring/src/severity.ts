/** How far past its target an objective is. */
export type ViolationSeverity = "warning" | "error" | "critical";

/**
 * The cut-offs, as the ratio of the observed figure to the threshold (for "at least" objectives,
 * threshold / observed): up to 1.5 is a warning, up to 2 an error, beyond 2 critical. A latency
 * twice its target is an outage of the objective, not a wobble.
 */
export const severityCutoffs = { warning: 1.5, error: 2 } as const;

/** The severity of a miss; call it only for an objective that is not met. */
export function violationSeverity(observed: number, threshold: number, direction: "at_most" | "at_least"): ViolationSeverity {
  const ratio = direction === "at_most" ? ratioOver(observed, threshold) : ratioOver(threshold, observed);
  if (ratio <= severityCutoffs.warning) return "warning";
  if (ratio <= severityCutoffs.error) return "error";
  return "critical";
}

function ratioOver(numerator: number, denominator: number): number {
  if (denominator <= 0) return numerator > 0 ? Number.POSITIVE_INFINITY : 1;
  return numerator / denominator;
}
