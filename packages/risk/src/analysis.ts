import {
  analyzeStatement,
  applyStatement,
  createSchemaModel,
  type ColumnType,
  ColumnTypeTracker,
  type PgVersion,
  parseSql,
  SUPPORTED_PG_VERSIONS,
  type SqlSyntaxError,
  type Statement,
  type StatementAnalysis,
} from "@confiture/sql";
import type { RiskFile } from "./assess.js";
import type { TypedColumns } from "./key-shapes.js";
import { keyColumnsOf } from "./statement-work.js";

/** The lock model's version for a server major: the nearest one it knows. */
export function lockModelVersion(major: number): PgVersion {
  const known = SUPPORTED_PG_VERSIONS;
  return Math.min(known[known.length - 1] ?? 18, Math.max(known[0] ?? 11, Math.trunc(major))) as PgVersion;
}

/** One statement with the lock model's verdict. */
export interface AnalysedStatement {
  statement: Statement;
  analysis: StatementAnalysis;
  /** Types the migrations declared, before this statement, for the key columns it names. */
  declaredTypes: TypedColumns;
}

/** A file split into analysed statements, with the syntax errors that kept others out. */
export interface AnalysedFile {
  file: RiskFile;
  statements: AnalysedStatement[];
  /** Statements that do not parse: the file cannot be judged. */
  errors: SqlSyntaxError[];
}

const isTransactionControl = (statement: Statement) =>
  statement.node !== undefined && typeof statement.node === "object" && "TransactionStmt" in statement.node;

// Gathering inputs and assessing analyse the same files: the second call reuses the first's work.
const cache = new WeakMap<readonly RiskFile[], Map<string, Promise<{ before: AnalysedFile[]; files: AnalysedFile[] }>>>();

/**
 * Parses and analyses files in order with one column-type tracker across all of them, so a type change
 * in a later file is judged against the type an earlier file declared (int -> bigint rewrites, varchar
 * widening does not). `before` files only teach the tracker; `timeZone` is the session's (timestamp
 * <-> timestamptz changes rewrite or not depending on it). Statements with syntax errors and
 * transaction control (the runner owns transactions) are left out.
 */
export function analyseFiles(
  files: readonly RiskFile[],
  options: { pgVersion?: PgVersion; before?: readonly RiskFile[]; timeZone?: string } = {},
): Promise<{ before: AnalysedFile[]; files: AnalysedFile[] }> {
  const before = options.before ?? [];
  if (before.length > 0 || options.timeZone !== undefined)
    return analyseUncached(files, options.pgVersion, before, options.timeZone);
  const byVersion = cache.get(files) ?? new Map();
  cache.set(files, byVersion);
  const key = `${options.pgVersion}:${files.map((file) => `${file.file}\u0000${file.source}`).join("\u0000")}`;
  let result = byVersion.get(key);
  if (result === undefined) {
    result = analyseUncached(files, options.pgVersion, before, undefined);
    byVersion.set(key, result);
    result.catch(() => byVersion.delete(key));
  }
  return result;
}

async function analyseUncached(
  files: readonly RiskFile[],
  pgVersion: PgVersion | undefined,
  before: readonly RiskFile[],
  timeZone: string | undefined,
): Promise<{ before: AnalysedFile[]; files: AnalysedFile[] }> {
  const tracker = new ColumnTypeTracker();
  // The catalog as each statement finds it: the lock model names the relations a statement locks without naming them.
  const schema = createSchemaModel();
  const analyse = async (file: RiskFile): Promise<AnalysedFile> => {
    const parsed = await parseSql(file.source, { file: file.file });
    const statements: AnalysedStatement[] = [];
    for (const statement of parsed.statements) {
      if (statement.node === undefined || isTransactionControl(statement)) continue;
      const analysis = analyzeStatement(statement, {
        pgVersion,
        file: file.file,
        columnType: tracker.lookup,
        schema,
        ...(timeZone === undefined ? {} : { timeZone }),
      });
      const declaredTypes = new Map<string, ColumnType>();
      for (const { relation, column } of keyColumnsOf(statement.node)) {
        const type = tracker.lookup(relation, column);
        if (type !== undefined) declaredTypes.set(`${relation}\u0000${column}`, type);
      }
      tracker.observe(statement.node);
      applyStatement(schema, statement);
      statements.push({ statement, analysis, declaredTypes });
    }
    return { file, statements, errors: parsed.errors };
  };
  const analysedBefore: AnalysedFile[] = [];
  for (const file of before) analysedBefore.push(await analyse(file));
  const analysed: AnalysedFile[] = [];
  for (const file of files) analysed.push(await analyse(file));
  return { before: analysedBefore, files: analysed };
}
