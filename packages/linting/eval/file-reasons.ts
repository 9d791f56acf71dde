import type { LintResult, SourceFile } from "../src/index.js";

/** Why a file was not (fully) linted: every file is linted or reported with a reason. */
export interface FileReason {
  file: string;
  reason: string;
}

/** Go text/template (`{{ ... }}`) and Flyway (`${...}`) placeholders are filled in by the runner at run time. */
function placeholderKind(source: string): string | undefined {
  if (source.includes("{{")) return "Go template placeholders filled in at run time";
  if (source.includes("${")) return "Flyway placeholders filled in at run time";
  return undefined;
}

/**
 * Files with no statement linted or with a parse error, with the reason: an empty placeholder file,
 * a runner's placeholders, or a syntax error of the file itself.
 */
export function fileReasons(files: readonly SourceFile[], result: LintResult): FileReason[] {
  const parseErrors = new Map<string, string>();
  for (const finding of result.findings)
    if (finding.ruleId === "parse-error" && !parseErrors.has(finding.file)) parseErrors.set(finding.file, `line ${finding.line}`);
  const linted = new Map(result.files.map((file) => [file.path, file.statements.length]));
  const reasons: FileReason[] = [];
  for (const file of files) {
    const statements = linted.get(file.path) ?? 0;
    const error = parseErrors.get(file.path);
    if (file.source.trim() === "" || (statements === 0 && error === undefined)) {
      reasons.push({ file: file.path, reason: "empty file or comments only: nothing to lint (runner placeholder)" });
    } else if (error !== undefined) {
      const kind = placeholderKind(file.source) ?? "syntax error in the file";
      reasons.push({ file: file.path, reason: `${statements === 0 ? "not parsed" : "partly parsed"}: ${kind}` });
    }
  }
  return reasons;
}
