import type { LintResult } from "../engine/types.js";
import type { Finding } from "../types.js";
import { displayPath, type ReporterOptions, severityLevel } from "./options.js";

const severityOrder = { critical: 0, error: 1, warning: 2, info: 3 } as const;

/** Escapes a workflow-command message: `%`, CR and LF (percent first). */
export function escapeMessage(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a workflow-command property value: the message escapes plus `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeMessage(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

function command(finding: Finding, options: ReporterOptions): string {
  const level = severityLevel(finding.severity);
  const name = level === "note" ? "notice" : level;
  const properties = [
    `file=${escapeProperty(displayPath(finding.file, options.cwd))}`,
    `line=${finding.line}`,
    `endLine=${finding.endLine}`,
    `col=${finding.column}`,
    ...(finding.endLine === finding.line ? [`endColumn=${finding.endColumn}`] : []),
    `title=${escapeProperty(`${finding.library}/${finding.ruleId}`)}`,
  ];
  const message = finding.help === undefined ? finding.message : `${finding.message}\n${finding.help}`;
  return `::${name} ${properties.join(",")}::${escapeMessage(message)}`;
}

/**
 * GitHub Actions workflow commands, most severe first. GitHub keeps only so many annotations per
 * job, so past `maxAnnotations` the rest are counted in one notice.
 */
export function formatGithub(result: LintResult, options: ReporterOptions = {}): string {
  const limit = options.maxAnnotations ?? 50;
  const ordered = [...result.findings].sort((left, right) => severityOrder[left.severity] - severityOrder[right.severity]);
  const lines = ordered.slice(0, limit).map((finding) => command(finding, options));
  if (ordered.length > limit) {
    lines.push(
      `::notice title=confiture::${escapeMessage(`${ordered.length - limit} more findings are not annotated; see the SARIF or JUnit report.`)}`,
    );
  }
  const { errors, warnings, infos } = result.summary;
  lines.push(`confiture: ${errors} errors, ${warnings} warnings, ${infos} infos in ${result.summary.files} files`);
  return `${lines.join("\n")}\n`;
}
