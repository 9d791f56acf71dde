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

/** GitHub shows at most this many annotations of each level (error, warning, notice) per step. */
export const ANNOTATIONS_PER_LEVEL = 10;

/**
 * GitHub Actions workflow commands, most severe first. GitHub shows at most 10 error, 10 warning and
 * 10 notice annotations per step and 50 per job (`maxAnnotations`): past those, the findings left out
 * are counted, in a notice and in the log, with where to read them all.
 */
export function formatGithub(result: LintResult, options: ReporterOptions = {}): string {
  const limit = options.maxAnnotations ?? 50;
  const ordered = [...result.findings].sort((left, right) => severityOrder[left.severity] - severityOrder[right.severity]);
  const shown: Finding[] = [];
  const perLevel = { error: 0, warning: 0, note: 0 };
  const levels = ordered.map((finding) => severityLevel(finding.severity));
  // One notice slot is kept for the count of what was left out, when something will be.
  const overflows =
    ordered.length > limit ||
    (["error", "warning", "note"] as const).some((level) => levels.filter((l) => l === level).length > ANNOTATIONS_PER_LEVEL);
  const noteLimit = overflows ? ANNOTATIONS_PER_LEVEL - 1 : ANNOTATIONS_PER_LEVEL;
  const jobLimit = overflows ? limit - 1 : limit;
  for (const [index, finding] of ordered.entries()) {
    const level = levels[index]!;
    if (shown.length >= jobLimit || perLevel[level] >= (level === "note" ? noteLimit : ANNOTATIONS_PER_LEVEL)) continue;
    perLevel[level]++;
    shown.push(finding);
  }
  const lines = shown.map((finding) => command(finding, options));
  const omitted = ordered.length - shown.length;
  if (omitted > 0) {
    const left = ordered.filter((finding) => !shown.includes(finding));
    const count = (level: string) => left.filter((finding) => severityLevel(finding.severity) === level).length;
    const text = `${omitted} more findings are not annotated (${count("error")} errors, ${count("warning")} warnings, ${count("note")} notes): GitHub shows 10 annotations of each level per step and 50 per job. Every finding is in the SARIF report (code scanning), the pull request comment, and \`confiture lint --format text\`.`;
    lines.push(`::notice title=confiture::${escapeMessage(text)}`);
    lines.push(`confiture: ${text}`);
  }
  const { errors, warnings, infos } = result.summary;
  lines.push(`confiture: ${errors} errors, ${warnings} warnings, ${infos} infos in ${result.summary.files} files`);
  return `${lines.join("\n")}\n`;
}
