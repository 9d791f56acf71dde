import type { Database } from "@confiture/db";
import { MigrationGateError } from "./errors.js";

/** A pending migration as a gate sees it. */
export interface GateFile {
  version: string;
  name: string;
  path: string;
  sql: string;
}

/** What the lint gate reports. */
export interface LintGateResult {
  errors: number;
  messages: string[];
}

/** What the risk gate reports. Levels are compared case-insensitively: low < medium < high < critical. */
export interface RiskGateResult {
  level: string;
  reasons: string[];
  score?: number;
  downtimeEstimateMs?: number;
}

/** What a gate may use besides the files: the run's own session (the only one with PGlite). */
export interface GateContext {
  database: Database;
  /** Every migration file of the directory, in version order (for schema replay). */
  allFiles: GateFile[];
}

/**
 * Checks `up` runs before anything changes. Injected by the caller (the CLI wires
 * @confiture/linting and @confiture/risk), so this package depends on neither.
 */
export interface MigrationGates {
  lint?(files: GateFile[], context: GateContext): Promise<LintGateResult>;
  risk?(files: GateFile[], context: GateContext): Promise<RiskGateResult>;
}

/** How strict the gates are. */
export interface GatePolicy {
  /** Run even when a gate refuses (the verdicts are still reported). */
  force?: boolean;
  /** The highest risk level allowed without `force` (default `medium`). */
  maxRiskLevel?: string;
}

/** Risk levels, lowest first. */
export const riskLevels = ["low", "medium", "high", "critical"] as const;

/** The rank of a risk level, or -1 when unknown. */
export function riskRank(level: string): number {
  return (riskLevels as readonly string[]).indexOf(level.toLowerCase());
}

/** The gates' verdicts on a plan. */
export interface GateVerdict {
  lint?: LintGateResult;
  risk?: RiskGateResult;
  /** Why the run is refused (empty: it may go ahead). Kept even under `force`, so reports say what was overridden. */
  refusals: Array<{ gate: "lint" | "risk"; reasons: string[] }>;
  forced: boolean;
}

/** Runs the gates on the pending migrations; throws `MigrationGateError` when one refuses and `force` is not set. */
export async function checkGates(
  gates: MigrationGates,
  policy: GatePolicy,
  files: GateFile[],
  context: GateContext,
): Promise<GateVerdict> {
  const verdict: GateVerdict = { refusals: [], forced: policy.force === true };
  if (files.length === 0) return verdict;
  if (gates.lint !== undefined) {
    verdict.lint = await gates.lint(files, context);
    if (verdict.lint.errors > 0) {
      verdict.refusals.push({ gate: "lint", reasons: [`${verdict.lint.errors} lint error(s)`, ...verdict.lint.messages] });
    }
  }
  if (gates.risk !== undefined) {
    verdict.risk = await gates.risk(files, context);
    const maximum = policy.maxRiskLevel ?? "medium";
    if (riskRank(maximum) < 0)
      throw new MigrationGateError("risk", [`unknown risk level "${maximum}" (use one of ${riskLevels.join(", ")})`]);
    if (riskRank(verdict.risk.level) > riskRank(maximum)) {
      verdict.refusals.push({
        gate: "risk",
        reasons: [
          `risk level ${verdict.risk.level.toLowerCase()} is above the allowed ${maximum.toLowerCase()} (--allow-risk ${verdict.risk.level.toLowerCase()} to accept it)`,
          ...verdict.risk.reasons,
        ],
      });
    }
  }
  const first = verdict.refusals[0];
  if (first !== undefined && !verdict.forced) {
    throw new MigrationGateError(
      first.gate,
      verdict.refusals.flatMap((refusal) => refusal.reasons),
    );
  }
  return verdict;
}
