import { type Database, openDatabase } from "@confiture/db";
import { readAppliedVersions, type TracedStatement, type TraceReport, traceMigrations } from "@confiture/risk";
import { describeEscapingEffects, parseSql } from "@confiture/sql";
import { loadCommandConfig } from "../command-config.js";
import { addCommonOptions, writeJson } from "../common-options.js";
import { announceTarget } from "../database-target.js";
import { ExitCode, UsageError } from "../errors.js";
import { requireInputs } from "../inputs.js";
import type { CliIo } from "../io.js";
import { earlierMigrations, type MigrationSource, readMigrationSources, withOptionalDatabase } from "./risk.js";
import type { CliRuntime, CommandModule } from "./types.js";

interface TraceCommandOptions {
  format: string;
  db?: string;
  config?: string;
}

/**
 * Traces migrations. On the embedded database (a fresh in-memory PGlite) the earlier migrations of the
 * directory are applied first and each traced statement is then applied too. On a real database
 * (explicit `--db` only: tracing takes real locks) nothing is committed: migrations already applied
 * there are skipped and earlier pending statements are replayed inside each rolled-back transaction.
 */
export async function traceSources(
  sources: readonly MigrationSource[],
  options: { db?: string; before?: readonly MigrationSource[]; onProgress?: (message: string) => void },
  io: CliIo,
): Promise<TraceReport> {
  if (options.db === undefined) {
    const db = await openDatabase("pglite:");
    try {
      const first = sources[0];
      const before = options.before ?? (sources.length === 1 && first !== undefined ? await earlierMigrations(first, io) : []);
      return await traceMigrations(db, sources, { mode: "apply", before, onProgress: options.onProgress });
    } finally {
      await db.close();
    }
  }
  if (!/^(postgres|postgresql|pglite):/.test(options.db))
    throw new UsageError("--db must start with postgres://, postgresql:// or pglite:");
  return withOptionalDatabase(options.db, io, async (db) => {
    const database = db as Database;
    const pending = await pendingOnDatabase(database, sources);
    // A single file needs the pending migrations before it in its directory, replayed in the same transaction.
    const first = sources[0];
    const before =
      options.before ??
      (sources.length === 1 && first !== undefined ? await pendingOnDatabase(database, await earlierMigrations(first, io)) : []);
    return traceMigrations(database, pending, { mode: "replay", before, onProgress: options.onProgress });
  });
}

/** The sources whose version is not in `applied` (all of them when nothing is known to be applied). */
export function pendingOf(sources: readonly MigrationSource[], applied: readonly string[] | undefined): MigrationSource[] {
  if (applied === undefined) return [...sources];
  const versions = new Set(applied);
  return sources.filter((source) => source.version === undefined || !versions.has(source.version));
}

/** The sources not yet applied on `db` according to `confiture.migrations` (all of them when it has no tracking table). */
export async function pendingOnDatabase(db: Database, sources: readonly MigrationSource[]): Promise<MigrationSource[]> {
  return pendingOf(sources, await readAppliedVersions(db));
}

/** A statement that does not parse, so it cannot be traced: reported like a lint finding of rule `parse-error`. */
export interface TraceSyntaxError {
  ruleId: "parse-error";
  severity: "error";
  file: string;
  line: number;
  column: number;
  message: string;
}

/** The syntax errors of the sources, read with PostgreSQL's parser (the tracer leaves those statements out). */
export async function syntaxErrorsOf(sources: readonly MigrationSource[]): Promise<TraceSyntaxError[]> {
  const found: TraceSyntaxError[] = [];
  for (const source of sources) {
    for (const error of (await parseSql(source.source, { file: source.file })).errors) {
      found.push({
        ruleId: "parse-error",
        severity: "error",
        file: source.file,
        line: error.line,
        column: error.column,
        message: error.message,
      });
    }
  }
  return found;
}

/** The trace report for people: one line per statement, disagreements marked with `!`, syntax errors with `x`. */
export function formatTraceText(report: TraceReport, syntaxErrors: readonly TraceSyntaxError[] = []): string {
  const notRun = report.summary.notRunEscaping + report.skippedSetup.length;
  const lines = [
    notRun === 0
      ? `Traced on ${report.database}, every statement rolled back.`
      : `Traced on ${report.database}, every statement run rolled back; ${notRun} not run because a rollback would not undo them.`,
  ];
  for (const statement of report.statements) {
    const model = statement.model.locks.map((lock) => `${lock.mode} on ${lock.relation}`).join(", ") || "no table lock";
    const measured = statement.measured?.locks.map((lock) => `${lock.mode} on ${lock.relation}`).join(", ") || "no table lock";
    const marker = statement.disagreements.length > 0 ? "!" : statement.traced ? "=" : "-";
    lines.push(`${marker} ${statement.file}:${statement.line}  ${statement.kind}`);
    if (!statement.traced && statement.escapes !== undefined) {
      lines.push(`    ${escapeSentence(statement, report.database)}; model: ${model}`);
      continue;
    }
    if (!statement.traced) {
      lines.push(
        statement.error === undefined
          ? statement.ranUnmeasured === true
            ? `    ran outside a transaction on the scratch database, locks not measured; model: ${model}${statement.model.rewrite ? ", rewrite" : ""}`
            : `    not run (cannot run in a transaction); model: ${model}${statement.model.rewrite ? ", rewrite" : ""}`
          : `    failed: ${statement.error}; model: ${model}`,
      );
      continue;
    }
    lines.push(`    model:    ${model}${statement.model.rewrite ? ", rewrite" : ""}`);
    lines.push(
      `    measured: ${measured}${statement.rewrite ? ", rewrite" : ""} (${statement.measured?.durationMs.toFixed(1)} ms)`,
    );
    if (statement.escapes !== undefined) lines.push(`    ${escapeSentence(statement, report.database)}`);
    for (const disagreement of statement.disagreements) lines.push(`    ! ${disagreement}`);
  }
  for (const skipped of report.skippedSetup) {
    lines.push(
      `- ${skipped.file}:${skipped.line}  earlier migration statement left out of the replay: ${describeEscapingEffects(skipped.escapes)}`,
    );
  }
  for (const error of syntaxErrors) lines.push(`x ${error.file}:${error.line}:${error.column}  syntax error: ${error.message}`);
  const { summary } = report;
  const unparsed = syntaxErrors.length === 0 ? "" : `; ${syntaxErrors.length} did not parse (not traced)`;
  lines.push(
    "",
    `${summary.statements} statements: ${summary.agreed} agree, ${summary.disagreed} disagree, ${summary.notTraced - summary.notRunEscaping} not run outside a transaction, ${summary.notRunEscaping} not run because a rollback would not undo them, ${summary.failed} failed${unparsed}.`,
  );
  return `${lines.join("\n")}\n`;
}

/**
 * Why a statement with effects a rollback does not undo was not run (on a real database), or that it
 * ran and what stayed (on the embedded scratch database, which is thrown away).
 */
export function escapeSentence(statement: TracedStatement, database: string): string {
  const effects = describeEscapingEffects(statement.escapes ?? []);
  return statement.traced || statement.error !== undefined
    ? `ran on a scratch database; a rollback would not undo it (${effects})`
    : `not run on ${database}: a rollback would not undo it (${effects}); trace it without --db (a scratch database)`;
}

export const traceCommand: CommandModule = {
  name: "trace",
  register(program, runtime: CliRuntime) {
    addCommonOptions(
      program
        .command("trace")
        .description("measure the locks and rewrites of migrations in rolled-back transactions, next to the lock model's")
        .argument("<paths...>", "migration files or directories")
        .addHelpText(
          "after",
          `
Runs on an embedded PGlite database (earlier migrations of the directory applied first) unless --db
is given explicitly; DATABASE_URL is ignored here because tracing takes real locks.
Disagreements between the lock model and the measurement are marked with "!"; exit 1 when a
statement fails or does not parse (the migration would not run).

Examples:
  $ confiture trace migrations/
  $ confiture trace migrations/20240510140000_tighten_projects.up.sql --format json
  $ confiture trace migrations/ --db postgres://localhost/staging`,
        ),
    ).action(async (paths: string[], options: TraceCommandOptions) => {
      await loadCommandConfig(runtime, options);
      const sources = await readMigrationSources(paths, runtime.io);
      requireInputs(sources.length, paths.join(", "), "migrations are named <version>_<name>.up.sql");
      const syntaxErrors = await syntaxErrorsOf(sources);
      // Tracing takes real locks on a given database (rolled back): say which before it starts.
      if (options.db !== undefined) announceTarget(runtime, "tracing (every statement rolled back) on", options.db);
      const report = await traceSources(
        sources,
        { db: options.db, onProgress: (message) => runtime.io.stderr.write(`${message}\n`) },
        runtime.io,
      );
      if (options.format === "json") writeJson(runtime, { ...report, syntaxErrors });
      else runtime.io.stdout.write(formatTraceText(report, syntaxErrors));
      runtime.exitCode = report.summary.failed > 0 || syntaxErrors.length > 0 ? ExitCode.failure : ExitCode.ok;
    });
  },
};
