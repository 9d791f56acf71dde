import type { AlterTableStmt } from "@pgsql/types";
import { unwrapNode } from "../schema/ast.js";
import type { SchemaModel } from "../schema/types.js";
import type { AnalyzeOptions, Statement, StatementAnalysis } from "../types.js";
import { clampPgVersion } from "../versions.js";
import { analyzeAlterTable } from "./alter-table.js";
import { lockUnnamedForAlterTable, UNNAMED_RELATION_ANALYZERS } from "./unnamed-relations.js";
import { STATEMENT_ANALYZERS } from "./statements.js";
import { type AnalysisContext, type ColumnTypeLookup, Verdict } from "./verdict.js";
import { describeLockMode, strongestLock } from "../lock-modes.js";

/** Options of {@link analyzeStatement}. */
export interface AnalyzeStatementOptions extends AnalyzeOptions {
  /** The session TimeZone the migration will run with (timestamp <-> timestamptz rewrites depend on it). */
  timeZone?: string;
  /** The current type of a column, so type changes can be judged; `analyzeSql` tracks the types its own statements create. */
  columnType?: ColumnTypeLookup;
  /**
   * The catalog before the statement (the schema model of the migrations so far). With it the model
   * also lists the relations a statement locks without naming them: partitions, the DEFAULT partition,
   * tables linked by foreign keys, an index's table, identity and serial sequences.
   */
  schema?: SchemaModel;
}

/**
 * The lock model for one parsed statement and a PostgreSQL major version: the locks it takes on the
 * relations it names (strongest mode per relation), whether it rewrites or scans the table, whether
 * it may run in a transaction block, and notes. Pure: no database.
 */
export function analyzeStatement(statement: Statement, options: AnalyzeStatementOptions = {}): StatementAnalysis {
  const context: AnalysisContext = {
    pgVersion: clampPgVersion(options.pgVersion),
    timeZone: options.timeZone,
    columnType: options.columnType,
    schema: options.schema,
  };
  const verdict = new Verdict();
  const unwrapped = unwrapNode(statement.node);
  try {
    if (statement.error !== undefined) verdict.note(`Syntax error: ${statement.error.message}`);
    else if (unwrapped?.tag === "AlterTableStmt") {
      analyzeAlterTable(unwrapped.value as AlterTableStmt, statement.relations, context, verdict);
      lockUnnamedForAlterTable(unwrapped.value as AlterTableStmt, context, verdict);
    } else if (unwrapped !== undefined) {
      const scope = { kind: statement.kind, relations: statement.relations, context, verdict };
      STATEMENT_ANALYZERS[unwrapped.tag]?.(unwrapped.value, scope);
      UNNAMED_RELATION_ANALYZERS[unwrapped.tag]?.(unwrapped.value, scope);
    }
  } catch (error) {
    // The analysis is data for reports: a tree shape the model does not expect must not stop a run.
    verdict.note(`The lock model could not analyse this statement: ${error instanceof Error ? error.message : String(error)}`);
  }
  const locks = verdict.lockList();
  const strongest = strongestLock(locks);
  if (strongest !== undefined && (strongest === "AccessExclusiveLock" || strongest === "ExclusiveLock")) {
    verdict.note(`${strongest}: ${describeLockMode(strongest).summary}`);
  }
  if (verdict.rewrite && !verdict.notes.some((note) => note.includes("rewrit") || note.includes("storage"))) {
    verdict.note("The table is rewritten: the time grows with its size.");
  }
  return {
    line: statement.start.line,
    column: statement.start.column,
    endLine: statement.end.line,
    endColumn: statement.end.column,
    kind: statement.kind,
    locks,
    rewrite: verdict.rewrite,
    scan: verdict.scan || verdict.rewrite,
    transactional: verdict.transactional,
    notes: verdict.notes,
  };
}
