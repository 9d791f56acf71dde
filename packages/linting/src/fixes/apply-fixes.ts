import type { LintedFile } from "../engine/types.js";
import type { Finding } from "../types.js";

/** Which fixes to apply: the safe ones by default, every one with `unsafe` (ESLint's `--fix` and ruff's `--unsafe-fixes`). */
export interface FixSelection {
  unsafe?: boolean;
}

/** What one pass of fixing did to one file. */
export interface FileFixes {
  path: string;
  source: string;
  output: string;
  applied: Finding[];
}

/** Whether a finding's fix is one the selection applies. */
export function isApplicable(finding: Finding, selection: FixSelection = {}): boolean {
  return (
    finding.fix !== undefined && finding.statementIndex !== undefined && (finding.fix.safe === true || selection.unsafe === true)
  );
}

/**
 * Applies fixes to one file's source: each replaces the whole text of its statement. When two rules
 * fix the same statement only the first is applied; the caller lints again and the next pass takes
 * the other (ESLint's way), so no two edits ever overlap.
 */
export function applyFileFixes(file: LintedFile, findings: readonly Finding[], selection: FixSelection = {}): FileFixes {
  const byStatement = new Map<number, Finding>();
  for (const finding of findings) {
    if (finding.file !== file.path || !isApplicable(finding, selection)) continue;
    if (!byStatement.has(finding.statementIndex!)) byStatement.set(finding.statementIndex!, finding);
  }
  const statements = file.statements
    .filter((statement) => byStatement.has(statement.index))
    .sort((left, right) => right.offset - left.offset);
  let output = file.source;
  const applied: Finding[] = [];
  for (const statement of statements) {
    const finding = byStatement.get(statement.index)!;
    if (output.slice(statement.offset, statement.endOffset) !== statement.text) continue;
    output = output.slice(0, statement.offset) + finding.fix!.text + output.slice(statement.endOffset);
    applied.push(finding);
  }
  return { path: file.path, source: file.source, output, applied: applied.reverse() };
}
