import { general, type LintResult, formatFindings, type ReportFormat, REPORT_FORMATS } from "@confiture/linting";
import type { PgVersion } from "@confiture/sql";
import { type Command, Option } from "commander";
import { addCommonOptions, type CommonOptions, resolveDatabaseUrl } from "../common-options.js";
import { loadCommandConfig } from "../command-config.js";
import {
  asUsageError,
  collectContext,
  collectFiles,
  configuredMigrationsDirectory,
  displayPath,
  lintSection,
  type RuleSelectionOptions,
  selectLibraries,
} from "../config/lint-setup.js";
import { ExitCode, UsageError } from "../errors.js";
import { requireInputs } from "../inputs.js";
import { loadOptional } from "../optional-package.js";
import { cliVersion } from "../version.js";
import { emitReport, errorsOnly, type FixAndOutputOptions, fixDiff, lintOrFix } from "./lint-fix.js";
import type { CliRuntime, CommandModule } from "./types.js";

interface LintOptions extends CommonOptions, RuleSelectionOptions, FixAndOutputOptions {
  pgVersion?: string;
  maxWarnings?: string;
  reportUnusedSuppressions?: boolean;
  /** False with `--no-error-on-unmatched-pattern`. */
  errorOnUnmatchedPattern: boolean;
  /** A directory replayed for schema context; false with `--no-context`. */
  context?: string | boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

function parsePgVersion(value: string | undefined): PgVersion | undefined {
  if (value === undefined) return undefined;
  const major = Number(value);
  if (!Number.isInteger(major) || major < 11 || major > 18)
    throw new UsageError(`--pg-version must be a PostgreSQL major from 11 to 18 (got "${value}")`);
  return major as PgVersion;
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0) throw new UsageError(`--max-warnings must be a whole number (got "${value}")`);
  return count;
}

/** 1 when a finding is at error level or the warnings exceed `--max-warnings`, else 0. */
export function lintExitCode(result: LintResult, maxWarnings: number | undefined): number {
  if (result.summary.errors > 0) return ExitCode.failure;
  if (maxWarnings !== undefined && result.summary.warnings > maxWarnings) return ExitCode.failure;
  return ExitCode.ok;
}

async function action(runtime: CliRuntime, paths: string[], options: LintOptions): Promise<void> {
  const { io } = runtime;
  const pgVersion = parsePgVersion(options.pgVersion);
  const maxWarnings = parseMaxWarnings(options.maxWarnings);
  const loaded = await loadCommandConfig(runtime, options);
  const url = options.db === undefined ? undefined : resolveDatabaseUrl(options, io, loaded.config.database?.url);
  const { files, findings: inputFindings } = await collectFiles(paths, io, loaded, {
    allowUnmatched: !options.errorOnUnmatchedPattern,
  });
  if (options.errorOnUnmatchedPattern) {
    const where = paths.length > 0 ? paths.join(", ") : displayPath(io.cwd, configuredMigrationsDirectory(loaded));
    requireInputs(files.length + inputFindings.length, where, "pass --no-error-on-unmatched-pattern to accept an empty set");
  }
  // The files asked for are reported; the rest of the migrations directory is replayed for context.
  const asked = new Set(files.map((file) => file.path));
  const context = (await collectContext(paths, io, loaded, options.context)).filter((file) => !asked.has(file.path));
  let result: LintResult;
  let changed: Awaited<ReturnType<typeof lintOrFix>>["changed"] = [];
  // The database driver loads only for --db: linting files needs none (a lint-only install has none).
  const database =
    url === undefined
      ? undefined
      : await (await loadOptional(() => import("@confiture/db"), "confiture lint --db")).openDatabase(url);
  try {
    const configured = lintSection(loaded, options);
    const section = options.reportUnusedSuppressions ? { ...configured, reportUnusedSuppressions: true } : configured;
    const libraries = await selectLibraries(general, section, loaded, io, options);
    ({ result, changed } = await lintOrFix(
      runtime,
      {
        files: [...files, ...context],
        inputFindings,
        ...(context.length === 0 ? {} : { reportOn: [...asked] }),
        libraries,
        config: section,
        ...(pgVersion === undefined ? {} : { pgVersion }),
        ...(database === undefined ? {} : { database }),
        ...(io.env.CONFITURE_TIMING ? { timing: true } : {}),
      },
      options,
    ));
    if (options.quiet) result = errorsOnly(result);
  } catch (error) {
    throw asUsageError(error);
  } finally {
    await database?.close();
  }
  const format = options.format as ReportFormat;
  const color = io.isTTY && format === "text" && options.outputFile === undefined;
  const report = formatFindings(result, format, { color, cwd: io.cwd, toolVersion: cliVersion });
  // The dry run's diff comes first on stdout; with JSON it is a field of the one document.
  if (options.fixDryRun && format !== "json") io.stdout.write(fixDiff(changed));
  const document =
    options.fixDryRun && format === "json" ? JSON.stringify({ ...JSON.parse(report), fixes: fixDiff(changed) }) : report;
  await emitReport(runtime, document, format, options);
  if (result.timings !== undefined) {
    io.stderr.write("slowest rules (CONFITURE_TIMING):\n");
    for (const entry of result.timings.slice(0, 10))
      io.stderr.write(`  ${entry.ms.toFixed(1).padStart(9)} ms  ${entry.library}/${entry.rule}\n`);
  }
  if (format !== "text") for (const warning of result.warnings) io.stderr.write(`confiture: warning: ${warning}\n`);
  if (maxWarnings !== undefined && result.summary.errors === 0 && result.summary.warnings > maxWarnings) {
    io.stderr.write(`confiture: ${result.summary.warnings} warnings exceed --max-warnings ${maxWarnings}\n`);
  }
  runtime.exitCode = lintExitCode(result, maxWarnings);
}

/** `confiture lint [paths..]`: lint migration files with the composed rule libraries. */
export const lintCommand: CommandModule = {
  name: "lint",
  register(program: Command, runtime: CliRuntime) {
    const command = program
      .command("lint")
      .description("lint migration files: locks, rewrites, safety and compliance rules")
      .addHelpText(
        "after",
        `
Each statement is parsed by PostgreSQL's own parser and checked with the lock it takes on your
PostgreSQL version. Files are replayed in migration order, so rules know the schema they build.

Examples:
  $ confiture lint                                    the migrations directory of the config
  $ confiture lint migrations/ --format sarif > confiture.sarif   for GitHub code scanning
  $ confiture lint migrations/ --format github       annotations in a GitHub Actions log
  $ confiture lint --library @confiture/rules-gdpr --rule prefer-robust-stmts=off
  $ git diff --name-only main -- '*.sql' | xargs confiture lint --max-warnings 0
                    (the rest of the migrations directory is replayed for context, not reported)
  $ cat 0042_add_index.up.sql | confiture lint -
  $ confiture lint --fix-dry-run --fix-unsafe          the diff of every fix, nothing written
  $ confiture lint --quiet --format sarif --output-file confiture.sarif

Suppress a finding with a reason:  -- confiture-ignore-next-line ban-drop-column -- column unused since v3`,
      )
      .argument(
        "[paths...]",
        "files, directories (every *.sql below), globs, or - for stdin (default: the migrations directory)",
      );
    addCommonOptions(command, REPORT_FORMATS)
      .option("--library <package>", "add a rule library by npm package name or path (repeatable)", collect)
      .option("--rule <id=level>", "set a rule: off, info, warn, error or critical (repeatable)", collect)
      .addOption(new Option("--pg-version <major>", "target PostgreSQL major version (11 to 18)"))
      .option("--max-warnings <count>", "exit 1 when there are more warnings than this")
      .option("--report-unused-suppressions", "report confiture-ignore and squawk-ignore comments that suppress nothing")
      .option(
        "--context <dir>",
        "replay this migrations directory for schema context, reporting only the files given (default: the config's)",
      )
      .option("--no-context", "lint the files given alone, without the migrations directory around them")
      .option("--fix", "apply the safe fixes rules offer to the files, then report what remains")
      .option("--fix-unsafe", "apply every fix, also those that change what the migration does or may make it fail")
      .option("--fix-dry-run", "print the diff the fixes would make (with --fix-unsafe: all of them); write nothing")
      .option("--quiet", "report errors only (no warnings or infos)")
      .option("--output-file <path>", "write the report to a file instead of stdout")
      .option("--no-error-on-unmatched-pattern", "exit 0 instead of 2 when no SQL file matches the paths or globs")
      .action((paths: string[], options: LintOptions) => action(runtime, paths, options));
  },
};
