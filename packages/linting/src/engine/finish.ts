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
}): Omit<LintResult, "summary"> & { summary: Omit<LintResult["summary"], "durationMs"> & { durationMs: number } } {
  const { composition, config } = input;
  const squawk = new Map<string, string | undefined>();
  for (const composed of composition.rules)
    squawk.set(`${composed.library}/${composed.id}`, composed.rule.meta.equivalents?.squawk);
  const byFile = new Map<string, Finding[]>();
  for (const finding of input.findings) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  const kept: Finding[] = [];
  const outcomeByPath = new Map(input.outcomes.map((outcome) => [outcome.path, outcome]));
  for (const [file, findings] of byFile) {
    const outcome = outcomeByPath.get(file);
    if (outcome === undefined || outcome.directives.length === 0) {
      kept.push(...findings);
      continue;
    }
    const result = applySuppressions(findings, outcome.directives, {
      squawkEquivalent: (finding) => squawk.get(`${finding.library}/${finding.ruleId}`),
      statementLine: (finding) =>
        finding.statementIndex === undefined ? undefined : outcome.statementLines.get(finding.statementIndex),
    });
    kept.push(...result.kept);
  }
  if (config.reportUnusedSuppressions) {
    for (const outcome of input.outcomes) {
      if (outcome.directives.length === 0) continue;
      const { unused } = applySuppressions(byFile.get(outcome.path) ?? [], outcome.directives, {
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
      files: input.outcomes.length,
      statements: input.outcomes.reduce((total, outcome) => total + outcome.statementCount, 0),
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
    files: input.outcomes.map((outcome) => ({ path: outcome.path, source: outcome.source, statements: outcome.statements })),
  };
}
