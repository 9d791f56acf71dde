import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { type FixOutcome, type LintOptions, type LintResult, lint, lintAndFix } from "@confiture/linting";
import { createTwoFilesPatch } from "diff";
import { writeJson } from "../common-options.js";
import { UsageError } from "../errors.js";
import type { CliRuntime } from "./types.js";

/** `lint` options about fixes and output (ESLint's names). */
export interface FixAndOutputOptions {
  fix?: boolean;
  fixUnsafe?: boolean;
  fixDryRun?: boolean;
  quiet?: boolean;
  outputFile?: string;
}

/** Lints, or lints and fixes when a fix flag is given. Files are written only with `--fix`/`--fix-unsafe`, never on a dry run. */
export async function lintOrFix(runtime: CliRuntime, input: LintOptions, options: FixAndOutputOptions): Promise<FixOutcome> {
  if (!options.fix && !options.fixUnsafe && !options.fixDryRun) return { result: await lint(input), changed: [], applied: [] };
  if (input.files.some((file) => file.path === "<stdin>") && !options.fixDryRun)
    throw new UsageError("--fix cannot write to stdin: use --fix-dry-run to print the diff");
  const outcome = await lintAndFix(input, { unsafe: options.fixUnsafe === true });
  if (!options.fixDryRun) {
    for (const file of outcome.changed) await writeFile(resolve(runtime.io.cwd, file.path), file.output);
    if (outcome.applied.length > 0)
      runtime.io.stderr.write(`confiture: fixed ${outcome.applied.length} findings in ${outcome.changed.length} files\n`);
  }
  return outcome;
}

/** The unified diff of what the fixes change, as `git diff` prints it. */
export function fixDiff(changed: FixOutcome["changed"]): string {
  return changed
    .map((file) => createTwoFilesPatch(`a/${file.path}`, `b/${file.path}`, file.source, file.output, "", ""))
    .join("");
}

/** `--quiet`: errors only, as ESLint; warnings and infos are neither printed nor counted. */
export function errorsOnly(result: LintResult): LintResult {
  const findings = result.findings.filter((finding) => finding.severity === "error" || finding.severity === "critical");
  return { ...result, findings, summary: { ...result.summary, warnings: 0, infos: 0 } };
}

/** Prints the report, to `--output-file` when given (the JSON document as stdout would hold it). */
export async function emitReport(
  runtime: CliRuntime,
  report: string,
  format: string,
  options: FixAndOutputOptions,
): Promise<void> {
  if (options.outputFile === undefined) {
    if (format === "json") writeJson(runtime, JSON.parse(report) as object);
    else runtime.io.stdout.write(report);
    return;
  }
  const text =
    format === "json" ? `${JSON.stringify({ ...JSON.parse(report), config: runtime.config?.path ?? null }, null, 2)}\n` : report;
  await writeFile(resolve(runtime.io.cwd, options.outputFile), text);
}
