/** How urgent a violated objective is. */
export type ViolationSeverity = "warning" | "error" | "critical";

/**
 * Value objectives (a maximum or minimum every sample must respect) have no error budget, so
 * they are graded by how far the worst value is: up to 1.5× the threshold a warning, up to 2× an
 * error, beyond critical.
 */
export const severityCutoffs = { warning: 1.5, error: 2 } as const;

/** The severity of a missed value objective; call it only for an objective that is not met. */
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

/**
 * The multiwindow, multi-burn-rate rules of the Google SRE workbook ("Alerting on SLOs", table
 * 5-8): an alert needs the burn rate over BOTH a long and a short window, so it fires on sustained
 * burns and stops soon after the burn does. A burn rate is the share of bad samples over the share
 * the objective allows (1 spends the budget exactly over the SLO period; 14.4 over one hour spends 2%
 * of a 30-day budget). Page-level rules are `critical` and `error`, the ticket-level one `warning`.
 */
export const burnRateRules = [
  { severity: "critical", burnRate: 14.4, longWindowMs: 60 * 60_000, shortWindowMs: 5 * 60_000 },
  { severity: "error", burnRate: 6, longWindowMs: 6 * 60 * 60_000, shortWindowMs: 30 * 60_000 },
  { severity: "warning", burnRate: 1, longWindowMs: 3 * 24 * 60 * 60_000, shortWindowMs: 6 * 60 * 60_000 },
] as const satisfies ReadonlyArray<{
  severity: ViolationSeverity;
  burnRate: number;
  longWindowMs: number;
  shortWindowMs: number;
}>;

/** A sample reduced to what burn rates need: when, and whether it met the objective. */
export interface TimedOutcome {
  timestamp: number;
  good: boolean;
}

/** The burn rate over one window, or undefined when the window holds too few samples to judge. */
export interface WindowBurn {
  windowMs: number;
  samples: number;
  burnRate: number | undefined;
}

/** The burn rate of the samples in the `windowMs` before `now`; undefined below `minimum` samples. */
export function windowBurn(
  outcomes: readonly TimedOutcome[],
  allowedBad: number,
  now: number,
  windowMs: number,
  minimum = 1,
): WindowBurn {
  const inside = outcomes.filter((outcome) => outcome.timestamp <= now && outcome.timestamp > now - windowMs);
  if (inside.length === 0 || inside.length < minimum) return { windowMs, samples: inside.length, burnRate: undefined };
  const bad = inside.filter((outcome) => !outcome.good).length;
  return { windowMs, samples: inside.length, burnRate: bad / inside.length / allowedBad };
}

/**
 * The rule that fires for these outcomes, the most severe first; undefined when none does. The long
 * window judges only with at least 1 / allowed-bad-share samples (100 for a p99 objective): with
 * fewer, one slow run would be a burn rate of 100 and page someone for what the objective allows.
 * The short window only confirms that the burn is still going on, so any sample in it counts.
 */
export function burnRateSeverity(
  outcomes: readonly TimedOutcome[],
  allowedBad: number,
  now: number,
): { severity: ViolationSeverity; longBurnRate: number; shortBurnRate: number } | undefined {
  if (allowedBad <= 0) return undefined;
  for (const rule of burnRateRules) {
    const minimum = Math.ceil(1 / allowedBad - 1e-9);
    const long = windowBurn(outcomes, allowedBad, now, rule.longWindowMs, minimum).burnRate;
    const short = windowBurn(outcomes, allowedBad, now, rule.shortWindowMs).burnRate;
    if (long !== undefined && short !== undefined && long >= rule.burnRate && short >= rule.burnRate)
      return { severity: rule.severity, longBurnRate: long, shortBurnRate: short };
  }
  return undefined;
}
