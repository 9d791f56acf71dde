import type { RiskConfig, RiskLevel } from "./config.js";
import { RISK_LEVELS } from "./config.js";
import type { RiskFactor } from "./factors.js";

/** The level of a score: LOW < medium <= MEDIUM < high <= HIGH < critical <= CRITICAL. */
export function levelOf(score: number, levels: RiskConfig["levels"]): RiskLevel {
  if (score >= levels.critical) return "CRITICAL";
  if (score >= levels.high) return "HIGH";
  if (score >= levels.medium) return "MEDIUM";
  return "LOW";
}

/** The weighted sum of the factors, rounded to 4 decimals so equal inputs print equal scores. */
export function scoreOf(factors: readonly RiskFactor[]): number {
  const total = factors.reduce((sum, factor) => sum + factor.value * factor.weight, 0);
  return Math.round(total * 10_000) / 10_000;
}

/** Whether `level` is above `maximum` (`HIGH` exceeds `MEDIUM`; `MEDIUM` does not exceed `MEDIUM`). */
export function levelExceeds(level: RiskLevel, maximum: RiskLevel): boolean {
  return RISK_LEVELS.indexOf(level) > RISK_LEVELS.indexOf(maximum);
}
