import { type Database, type TraceResult, traceScript, traceStatement } from "@confiture/db";
import {
  describeEscapingEffects,
  type EscapingEffect,
  findEscapingEffects,
  type LockAcquisition,
  type PgVersion,
  type Statement,
  type StatementAnalysis,
} from "@confiture/sql";
import { analyseFiles, lockModelVersion } from "./analysis.js";
import type { RiskFile, StatementFacts } from "./assess.js";
import { compareTrace } from "./compare-trace.js";
import { TraceError } from "./errors.js";
import { emitTiming } from "./events.js";

/** One statement of `confiture trace`: what was measured next to what the model says, and where they disagree. */
export interface TracedStatement extends StatementFacts {
  /** Measured locks when traced, else the model's. */
  locks: LockAcquisition[];
  /** Measured (a relfilenode changed) when traced, else the model's. */
  rewrite: boolean;
  /** The model's (the tracer cannot see a scan). */
  scan: boolean;
  /** False when the statement cannot run in a transaction and was not run (the model's lock is shown). */
  traced: boolean;
  model: { locks: LockAcquisition[]; rewrite: boolean; scan: boolean };
  measured?: { locks: LockAcquisition[]; rewritten: string[]; durationMs: number };
  /** Empty when the model and the measurement agree. */
  disagreements: string[];
  /** The statement failed when traced. */
  error?: string;
  /**
   * Effects a ROLLBACK would not undo (setval, dblink, COPY TO a file...): on a real database
   * (`replay`) such a statement is not run, and this says why; on a scratch database it runs.
   */
  escapes?: EscapingEffect[];
  /**
   * `apply` only: the statement cannot run in a transaction block, so it ran on its own on the scratch
   * database (later statements see its effect) but its locks were not measured: PostgreSQL releases
   * them when it ends, before they can be read. The model's locks are shown.
   */
  ranUnmeasured?: boolean;
}

/** The result of tracing a set of migrations. */
export interface TraceReport {
  database: string;
  statements: TracedStatement[];
  summary: {
    statements: number;
    traced: number;
    agreed: number;
    disagreed: number;
    notTraced: number;
    failed: number;
    /** Statements not run because a rollback would not undo their effects (`replay` only). */
    notRunEscaping: number;
  };
  /** Statements of the earlier migrations left out of the replay because a rollback would not undo their effects. */
  skippedSetup: Array<{ file: string; line: number; escapes: EscapingEffect[] }>;
}

/** Options of `traceMigrations`. */
export interface TraceOptions {
  /** Earlier migrations to prepare the schema with, in order. */
  before?: readonly RiskFile[];
  /**
   * `apply`: commit the earlier migrations and every traced statement (only for a scratch database,
   * such as the embedded one); `replay`: change nothing, replay the earlier statements inside the
   * rolled-back transaction instead (for a real database).
   */
  mode: "apply" | "replay";
  pgVersion?: PgVersion;
  onProgress?: (message: string) => void;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

interface Entry {
  entry: TracedStatement;
  statement: Statement;
  analysis: StatementAnalysis;
}

/** Fills a statement's entry from its trace result. */
function record({ entry, statement, analysis }: Entry, result: TraceResult): void {
  if (result.error !== undefined) {
    entry.error = result.error.message;
    return;
  }
  entry.disagreements = compareTrace(statement, analysis, result);
  if (!result.transactional) return;
  const locks = result.locks.map((lock) => ({ relation: lock.relation, mode: lock.mode as LockAcquisition["mode"] }));
  entry.traced = true;
  entry.measured = { locks, rewritten: result.rewritten, durationMs: result.durationMs };
  entry.locks = locks;
  entry.rewrite = result.rewritten.length > 0;
}

function summarise(statements: readonly TracedStatement[]): TraceReport["summary"] {
  return {
    statements: statements.length,
    traced: statements.filter((entry) => entry.traced).length,
    agreed: statements.filter((entry) => entry.traced && entry.disagreements.length === 0).length,
    disagreed: statements.filter((entry) => entry.disagreements.length > 0).length,
    notTraced: statements.filter((entry) => !entry.traced && entry.error === undefined).length,
    failed: statements.filter((entry) => entry.error !== undefined).length,
    notRunEscaping: statements.filter((entry) => !entry.traced && entry.escapes !== undefined).length,
  };
}

/**
 * Traces every statement of `files` in a transaction that is rolled back, and compares the locks and
 * rewrites measured with the lock model's.
 * - `apply` (a scratch database): the earlier migrations are committed first; each statement is traced
 *   on its own, then committed, so the next one sees the schema and no lock is hidden by an earlier one.
 *   Statements that cannot run in a transaction are committed without a trace.
 * - `replay` (a real database): nothing is committed. The earlier migrations run as setup and the files'
 *   statements one after the other in ONE rolled-back transaction. A lock an earlier statement already
 *   holds cannot be seen again in pg_locks; the comparison then accepts the held lock. Statements whose
 *   effects a rollback does not undo (`findEscapingEffects`: setval, dblink, COPY TO a file...) are
 *   not run at all, neither as setup nor traced: their entry says why (`escapes`).
 */
export async function traceMigrations(db: Database, files: readonly RiskFile[], options: TraceOptions): Promise<TraceReport> {
  const started = performance.now();
  const pgVersion = options.pgVersion ?? lockModelVersion(await db.serverMajorVersion());
  const zone = await db.query<{ zone: string }>("SELECT current_setting('TimeZone') AS zone");
  const analysed = await analyseFiles(files, { pgVersion, before: options.before ?? [], timeZone: String(zone.rows[0]?.zone) });
  const setup: string[] = [];
  const skippedSetup: TraceReport["skippedSetup"] = [];
  for (const { file, statements } of analysed.before) {
    options.onProgress?.(`preparing the schema: ${file.file}`);
    for (const { statement, analysis } of statements) {
      if (options.mode === "replay") {
        const escapes = findEscapingEffects(statement);
        if (escapes.length > 0) skippedSetup.push({ file: file.file, line: statement.start.line, escapes });
        else if (analysis.transactional) setup.push(statement.text);
        continue;
      }
      try {
        await db.exec(statement.text);
      } catch (error) {
        throw new TraceError(`cannot prepare the schema: ${file.file}:${statement.start.line} failed: ${messageOf(error)}`, {
          cause: error,
        });
      }
    }
  }
  const entries: Entry[] = analysed.files.flatMap(({ file, statements }) =>
    statements.map(({ statement, analysis }) => ({
      statement,
      analysis,
      entry: {
        file: file.file,
        line: analysis.line,
        column: analysis.column,
        sql: statement.text,
        kind: analysis.kind,
        locks: analysis.locks,
        rewrite: analysis.rewrite,
        scan: analysis.scan,
        transactional: analysis.transactional,
        traced: false,
        model: { locks: analysis.locks, rewrite: analysis.rewrite, scan: analysis.scan },
        disagreements: [],
      },
    })),
  );
  if (options.mode === "replay") {
    for (const item of entries) {
      const escapes = findEscapingEffects(item.statement);
      if (escapes.length > 0) item.entry.escapes = escapes;
    }
    // What a rollback cannot undo never reaches a real database.
    const runnable = entries.filter(({ entry }) => entry.escapes === undefined);
    options.onProgress?.(`tracing ${runnable.length} statements (rolled back)`);
    for (const { entry } of entries) {
      if (entry.escapes !== undefined)
        options.onProgress?.(
          `not run on ${db.displayUrl}: ${entry.file}:${entry.line} (${describeEscapingEffects(entry.escapes)})`,
        );
    }
    let results: TraceResult[];
    try {
      results = await traceScript(
        db,
        runnable.map(({ entry }) => entry.sql),
        { setup: setup.map((text) => `${text};`).join("\n") },
      );
    } catch (error) {
      throw new TraceError(`cannot prepare the schema for tracing: ${messageOf(error)}`, { cause: error });
    }
    runnable.forEach((item, index) => {
      const result = results[index];
      if (result !== undefined) record(item, result);
    });
  } else {
    let current = "";
    for (const item of entries) {
      if (item.entry.file !== current) {
        current = item.entry.file;
        options.onProgress?.(`tracing ${current}`);
      }
      const escapes = findEscapingEffects(item.statement);
      // A scratch database: they run, and the report still says they would not be rolled back.
      if (escapes.length > 0) item.entry.escapes = escapes;
      if (item.entry.transactional) record(item, await traceStatement(db, item.entry.sql));
      if (item.entry.error !== undefined) continue;
      try {
        // As the runner does: in a transaction when the statement may run in one (LOCK TABLE must).
        if (item.entry.transactional) await db.transaction((transaction) => transaction.exec(item.entry.sql));
        else {
          await db.exec(item.entry.sql);
          item.entry.ranUnmeasured = true;
        }
      } catch (error) {
        item.entry.error = messageOf(error);
      }
    }
  }
  const statements = entries.map(({ entry }) => entry);
  emitTiming("trace", started);
  return { database: db.displayUrl, statements, summary: summarise(statements), skippedSetup };
}
