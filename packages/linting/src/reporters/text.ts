import { createColors } from "picocolors";
import type { LintedFile, LintResult } from "../engine/types.js";
import type { Finding } from "../types.js";
import { describeLocks } from "./lock-text.js";
import { displayPath, type ReporterOptions } from "./options.js";

const maximumFrameLines = 8;

type Colors = ReturnType<typeof createColors>;

function severityLabel(finding: Finding, colors: Colors): string {
  if (finding.severity === "critical") return colors.bold(colors.red("critical"));
  if (finding.severity === "error") return colors.red("error");
  if (finding.severity === "warning") return colors.yellow("warning");
  return colors.blue("info");
}

function codeFrame(finding: Finding, lines: string[], first: number, last: number, colors: Colors): string[] {
  const end = Math.min(last, first + maximumFrameLines - 1, lines.length);
  const width = String(end).length;
  const frame: string[] = [];
  for (let line = first; line <= end; line++) {
    const marked = line >= finding.line && line <= finding.endLine;
    const gutter = `${marked ? colors.red(">") : " "} ${String(line).padStart(width)} |`;
    frame.push(`    ${colors.dim(gutter)} ${lines[line - 1] ?? ""}`);
  }
  if (last > end) frame.push(`    ${colors.dim(`  ${" ".repeat(width)} | ... (${last - end} more lines)`)}`);
  return frame;
}

function formatFinding(finding: Finding, file: LintedFile | undefined, lines: string[], colors: Colors): string[] {
  const out = [
    `  ${severityLabel(finding, colors)}  ${colors.dim(`${finding.line}:${finding.column}`)}  ${finding.message}  ${colors.dim(`${finding.library}/${finding.ruleId}`)}`,
  ];
  const statement =
    finding.statementIndex === undefined ? undefined : file?.statements.find((entry) => entry.index === finding.statementIndex);
  if (lines.length > 0) {
    out.push(...codeFrame(finding, lines, statement?.line ?? finding.line, statement?.endLine ?? finding.endLine, colors));
  }
  if (statement !== undefined && statement.locks.length > 0) {
    for (const lock of describeLocks(statement.locks)) out.push(`    ${colors.cyan("lock:")} ${lock}`);
    if (statement.rewrite)
      out.push(`    ${colors.cyan("rewrite:")} the table is rewritten; the lock is held while every row is copied`);
  }
  if (finding.help !== undefined) out.push(`    ${colors.green("help:")} ${finding.help.split("\n").join("\n          ")}`);
  if (finding.fix !== undefined) out.push(`    ${colors.green("fix:")} ${finding.fix.text.split("\n").join("\n         ")}`);
  if (finding.docsUrl !== undefined) out.push(`    ${colors.dim(`docs: ${finding.docsUrl}`)}`);
  return out;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** Human output: findings grouped by file with a code frame, the locks and what they block, help, and a summary line. */
export function formatText(result: LintResult, options: ReporterOptions = {}): string {
  const colors = createColors(options.color ?? false);
  const out: string[] = [];
  const files = new Map(result.files.map((file) => [file.path, file]));
  const byFile = new Map<string, Finding[]>();
  for (const finding of result.findings) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  for (const [path, findings] of byFile) {
    const file = files.get(path);
    const lines = file === undefined ? [] : file.source.split(/\r\n|\r|\n/);
    out.push(colors.underline(displayPath(path, options.cwd)));
    for (const finding of findings) out.push(...formatFinding(finding, file, lines, colors), "");
  }
  for (const warning of result.warnings) out.push(`${colors.yellow("warning:")} ${warning}`);
  const { errors, warnings, infos, files: fileCount, statements, durationMs } = result.summary;
  const total = errors + warnings + infos;
  const mark = errors > 0 ? colors.red("✖") : total > 0 ? colors.yellow("!") : colors.green("✔");
  out.push(
    `${mark} ${plural(total, "problem")} (${plural(errors, "error")}, ${plural(warnings, "warning")}, ${plural(infos, "info")}) ` +
      `in ${plural(fileCount, "file")}, ${plural(statements, "statement")}, ${Math.round(durationMs)} ms`,
  );
  return `${out.join("\n")}\n`;
}
