import { general, isRemovedIn, type RuleLevel, type Severity } from "@confiture/linting";

/** What the parent of `lint-child.ts` asks it to do. */
export interface LintJob {
  directory: string;
  files: string[];
  runs: number;
  pgVersion: number;
  output: string;
}

/** A finding as the agreement needs it. */
export interface ChildFinding {
  file: string;
  line: number;
  endLine: number;
  ruleId: string;
}

/** What the child writes. */
export interface ChildResult {
  rules: number;
  statements: number;
  findings: number;
  parseAnalyseMs: number;
  parseAnalyseCpuMs: number;
  engineOnlyMs: number;
  engineOnlyCpuMs: number;
  lintRunsMs: number[];
  /** CPU time (user + system) of each run: the machine is shared, wall time includes waiting for a core. */
  lintRunsCpuMs: number[];
  instrumentedMs: number;
  instrumentedCpuMs: number;
  perRuleMs: Record<string, number>;
  baselineRssMiB: number;
  peakRssAfterFirstLintMiB: number;
  peakRssMiB: number;
  /** Confiture rule id to squawk rule name, for every enabled rule that declares one. */
  equivalents: Record<string, string>;
  /** Findings of rules with a squawk equivalent: the runner wraps each file in a transaction (default). */
  wrapped: ChildFinding[];
  /** The same with `runnerWrapsInTransaction: false`, squawk's default assumption. */
  unwrapped: ChildFinding[];
  statementsByFile: Record<string, Array<{ line: number; endLine: number; kind: string; text: string }>>;
}

const levels: Record<Severity, RuleLevel> = { info: "info", warning: "warn", error: "error", critical: "critical" };

/** Every rule of the general library that can be enabled (not removed), at its own severity. */
export function allGeneralRules(): Record<string, RuleLevel> {
  return Object.fromEntries(
    Object.values(general.rules)
      .filter((rule) => !isRemovedIn(rule, general.version))
      .map((rule) => [rule.id, levels[rule.meta.severity]]),
  );
}
