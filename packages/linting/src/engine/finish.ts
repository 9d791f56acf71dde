import type { Composition } from "../composition/types.js";
import type { LintConfig } from "../config.js";
import type { Finding } from "../types.js";
import type { SourceFile } from "./file-order.js";
import type { FileOutcome } from "./lint-file.js";
import { applySuppressions } from "./suppressions.js";
import type { LintResult } from "./types.js";

const severityRank = { critical: 0, error: 1, warning: 2, info: 3 } as const;

/** Applies suppressions, reports unused ones when asked, sorts findings and counts them. */
export function finishFindings(input: {
  findings: Finding[];
  outcomes: FileOutcome[];
  composition: Composition;
  config: LintConfig;
  ordered: SourceFile[];
  /** Report only these files (the others were linted for the schema they build). */
  reportOn?: ReadonlySet<string>;
}): Omit<LintResult, "summary"> & { summary: Omit<LintResult["summary"], "durationMs"> & { durationMs: number } } {
  const { composition, config } = input;
  const squawk = new Map<string, string | undefined>();
  for (const composed of composition.rules)
    squawk.set(`${composed.library}/${composed.id}`, composed.rule.meta.equivalents?.squawk);
  const reported = (path: string) => input.reportOn === undefined || input.reportOn.has(path);
  const outcomes = input.outcomes.filter((outcome) => reported(outcome.path));
  const outcomesByPath = new Map<string, FileOutcome[]>();
  for (const outcome of outcomes) outcomesByPath.set(outcome.path, [...(outcomesByPath.get(outcome.path) ?? []), outcome]);
  // A file that holds both directions has one outcome per section: a finding belongs to the section of its line.
  const outcomeOf = (finding: Finding): FileOutcome | undefined => {
    const list = outcomesByPath.get(finding.file);
    if (list === undefined || list.length === 1) return list?.[0];
    return (
      list.find(
        (outcome) => outcome.lines !== undefined && finding.line >= outcome.lines.from && finding.line <= outcome.lines.to,
      ) ?? list[0]
    );
  };
  const byOutcome = new Map<FileOutcome, Finding[]>();
  const kept: Finding[] = [];
  for (const finding of input.findings) {
    if (!reported(finding.file)) continue;
    const outcome = outcomeOf(finding);
    if (outcome === undefined || outcome.directives.length === 0) {
      kept.push(finding);
      continue;
    }
    byOutcome.set(outcome, [...(byOutcome.get(outcome) ?? []), finding]);
  }
  for (const [outcome, findings] of byOutcome) {
    const result = applySuppressions(findings, outcome.directives, {
      squawkEquivalent: (finding) => squawk.get(`${finding.library}/${finding.ruleId}`),
      statementLine: (finding) =>
        finding.statementIndex === undefined ? undefined : outcome.statementLines.get(finding.statementIndex),
    });
    kept.push(...result.kept);
  }
  if (config.reportUnusedSuppressions) {
    for (const outcome of outcomes) {
      if (outcome.directives.length === 0) continue;
      const { unused } = applySuppressions(byOutcome.get(outcome) ?? [], outcome.directives, {
        squawkEquivalent: (finding) => squawk.get(`${finding.library}/${finding.ruleId}`),
        statementLine: (finding) =>
          finding.statementIndex === undefined ? undefined : outcome.statementLines.get(finding.statementIndex),
      });
      for (const { directive, name } of unused) {
        const { comment } = directive;
        const what = name === undefined ? "all rules" : `"${name}"`;
        kept.push({
          ruleId: "unused-suppression",
          library: "core",
          severity: "warning",
          messageId: "unusedSuppression",
          message: `unused suppression: ${what} reported nothing here`,
          file: outcome.path,
          line: comment.line,
          column: comment.column,
          endLine: comment.endLine,
          endColumn: comment.column + 1,
          help: "Remove the suppression comment, or the rule name that no longer reports anything.",
        });
      }
    }
  }
  const fileOrder = new Map(input.ordered.map((file, index) => [file.path, index]));
  kept.sort(
    (left, right) =>
      (fileOrder.get(left.file) ?? 0) - (fileOrder.get(right.file) ?? 0) ||
      left.line - right.line ||
      left.column - right.column ||
      severityRank[left.severity] - severityRank[right.severity] ||
      (left.ruleId < right.ruleId ? -1 : left.ruleId > right.ruleId ? 1 : 0),
  );
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const finding of kept) {
    if (finding.severity === "error" || finding.severity === "critical") errors++;
    else if (finding.severity === "warning") warnings++;
    else infos++;
  }
  return {
    findings: kept,
    summary: {
      files: outcomesByPath.size,
      statements: outcomes.reduce((total, outcome) => total + outcome.statementCount, 0),
      errors,
      warnings,
      infos,
      durationMs: 0,
    },
    audit: composition.audit,
    warnings: composition.warnings,
    rules: composition.rules
      .filter((composed) => !composed.shadowed)
      .map((composed) => ({
        id: composed.id,
        library: composed.library,
        libraryVersion: composed.libraryVersion,
        version: composed.rule.version,
        enabled: composed.enabled,
        severity: composed.severity,
        meta: composed.docs === undefined ? composed.rule.meta : { ...composed.rule.meta, docs: composed.docs },
      })),
    files: [...outcomesByPath].map(([path, list]) => ({
      path,
      source: list[0]!.source,
      statements: list.flatMap((outcome) => outcome.statements).sort((left, right) => left.line - right.line),
    })),
  };
}
