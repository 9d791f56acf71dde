import type { Finding } from "@confiture/linting";
import { type Diagnostic, DiagnosticSeverity } from "vscode-languageserver";

const SEVERITIES = {
  critical: DiagnosticSeverity.Error,
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
} as const;

/** What a diagnostic carries for code actions: which rule, and which statement a fix replaces. */
export interface DiagnosticData {
  ruleId: string;
  library: string;
  statementIndex?: number;
  fix?: { text: string; safe?: boolean };
}

/** A finding as an LSP diagnostic: rule id as the code, its README as the code's link. Lines and columns become 0-based. */
export function toDiagnostic(finding: Finding): Diagnostic {
  const start = { line: Math.max(finding.line - 1, 0), character: Math.max(finding.column - 1, 0) };
  const end = { line: Math.max(finding.endLine - 1, 0), character: Math.max(finding.endColumn - 1, 0) };
  const data: DiagnosticData = {
    ruleId: finding.ruleId,
    library: finding.library,
    ...(finding.statementIndex === undefined ? {} : { statementIndex: finding.statementIndex }),
    ...(finding.fix === undefined ? {} : { fix: finding.fix }),
  };
  return {
    range: { start, end: end.line < start.line || (end.line === start.line && end.character < start.character) ? start : end },
    severity: SEVERITIES[finding.severity],
    code: finding.ruleId,
    ...(finding.docsUrl === undefined ? {} : { codeDescription: { href: finding.docsUrl } }),
    source: `confiture (${finding.library})`,
    message: finding.help === undefined ? finding.message : `${finding.message}\n${finding.help}`,
    data,
  };
}
