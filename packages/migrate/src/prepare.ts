import { analyzeStatement, type LockMode, lockModeStrength, type PgVersion, parseSql, type Statement } from "@confiture/sql";
import { MigrationFilesError } from "./errors.js";
import type { MigrationFile } from "./files.js";

/** Which way a migration runs. */
export type Direction = "up" | "down";

/** One statement ready to run, with what the lock model says about it. */
export interface PreparedStatement {
  /** 0-based index in its file. */
  index: number;
  text: string;
  kind: string;
  line: number;
  transactional: boolean;
  /** `schema.table` the statement locks hardest (schema `public` when unwritten), if any. */
  targetTable: string | null;
  lockMode: LockMode | null;
  /** For CREATE INDEX CONCURRENTLY: the index it builds, so a failed build can be found and named. */
  createsIndex?: { schema: string; name: string };
}

/** A migration file split into statements and analysed for one direction. */
export interface PreparedMigration {
  version: string;
  name: string;
  direction: Direction;
  path: string;
  checksum: string;
  statements: PreparedStatement[];
  /** False when a statement cannot run in a transaction: the migration then runs statement by statement. */
  transactional: boolean;
}

/** The PostgreSQL major the lock model should assume for a server, clamped to the versions it knows. */
export function lockModelVersion(serverMajor: number): PgVersion {
  return Math.min(18, Math.max(11, Math.trunc(serverMajor))) as PgVersion;
}

function qualify(relation: string): string {
  return relation.includes(".") ? relation : `public.${relation}`;
}

/** The index a CREATE INDEX CONCURRENTLY statement builds, read from the parse tree. */
function concurrentIndexOf(statement: Statement): { schema: string; name: string } | undefined {
  const node = statement.node as
    | { IndexStmt?: { idxname?: string; concurrent?: boolean; relation?: { schemaname?: string } } }
    | undefined;
  const index = node?.IndexStmt;
  if (index?.concurrent !== true || index.idxname === undefined) return undefined;
  return { schema: index.relation?.schemaname ?? "public", name: index.idxname };
}

/**
 * Splits a migration's SQL with the PostgreSQL parser and analyses each statement for the given
 * server version. Syntax errors and explicit transaction control (the runner owns transactions)
 * are refused before anything runs.
 */
export async function prepareMigration(
  file: MigrationFile,
  direction: Direction,
  pgVersion: PgVersion,
): Promise<PreparedMigration> {
  const path = direction === "up" ? file.upPath : file.downPath;
  const sql = direction === "up" ? file.upSql : file.downSql;
  if (path === undefined || sql === undefined) {
    throw new MigrationFilesError(`migration ${file.version}_${file.name} has no down file, so it cannot be reverted`);
  }
  const parsed = await parseSql(sql, { file: path });
  const firstError = parsed.errors[0];
  if (firstError !== undefined) {
    throw new MigrationFilesError(`${path}:${firstError.line}:${firstError.column}: syntax error: ${firstError.message}`);
  }
  const statements = parsed.statements.map((statement): PreparedStatement => {
    const node = statement.node as Record<string, unknown> | undefined;
    if (node !== undefined && "TransactionStmt" in node) {
      throw new MigrationFilesError(
        `${path}:${statement.start.line}: transaction control (BEGIN, COMMIT, ...) in a migration file; the runner runs each migration in its own transaction`,
      );
    }
    const analysis = analyzeStatement(statement, { pgVersion, file: path });
    let strongest: { relation: string; mode: LockMode } | undefined;
    for (const lock of analysis.locks) {
      if (strongest === undefined || lockModeStrength(lock.mode) > lockModeStrength(strongest.mode)) strongest = lock;
    }
    const target = statement.relations.find((relation) => relation.role === "target");
    const targetTable =
      strongest !== undefined
        ? qualify(strongest.relation)
        : target !== undefined
          ? `${target.schema ?? "public"}.${target.name}`
          : null;
    const prepared: PreparedStatement = {
      index: statement.index,
      text: statement.text,
      kind: statement.kind,
      line: statement.start.line,
      transactional: analysis.transactional,
      targetTable,
      lockMode: strongest?.mode ?? null,
    };
    const createsIndex = concurrentIndexOf(statement);
    if (createsIndex !== undefined) prepared.createsIndex = createsIndex;
    return prepared;
  });
  const directive = transactionDirective(sql, parsed.statements);
  return {
    version: file.version,
    name: file.name,
    direction,
    path,
    checksum: file.checksum,
    statements,
    transactional: directive ?? statements.every((statement) => statement.transactional),
  };
}

const directiveComment = /^--\s*confiture:\s*(no-transaction|transaction)\s*$/i;

/**
 * The `-- confiture: no-transaction` / `-- confiture: transaction` directive the linter also reads,
 * when the file has one. Only whole-line comments outside every statement count (the statement
 * boundaries come from the parser), so text inside a string or a function body is never mistaken for it.
 */
export function transactionDirective(sql: string, statements: readonly Statement[]): boolean | undefined {
  let offset = 0;
  let found: boolean | undefined;
  for (const line of sql.split("\n")) {
    const start = offset + (line.length - line.trimStart().length);
    offset += line.length + 1;
    const match = directiveComment.exec(line.trim());
    if (match === null) continue;
    if (statements.some((statement) => start >= statement.start.offset && start < statement.end.offset)) continue;
    found = match[1]?.toLowerCase() === "transaction";
  }
  return found;
}
