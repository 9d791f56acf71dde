import type { Node } from "@pgsql/types";

/** PostgreSQL major versions the lock model knows. */
export type PgVersion = 11 | 12 | 13 | 14 | 15 | 16 | 17 | 18;

/** Table-level lock modes, named exactly as `pg_locks.mode` names them, weakest first. */
export type LockMode =
  | "AccessShareLock"
  | "RowShareLock"
  | "RowExclusiveLock"
  | "ShareUpdateExclusiveLock"
  | "ShareLock"
  | "ShareRowExclusiveLock"
  | "ExclusiveLock"
  | "AccessExclusiveLock";

/** A place in a source file. `offset` indexes the JS string; `line` and `column` are 1-based, columns count Unicode code points. */
export interface SourcePosition {
  offset: number;
  line: number;
  column: number;
}

/** A syntax error reported by the PostgreSQL parser, as data. */
export interface SqlSyntaxError {
  message: string;
  file?: string;
  line: number;
  column: number;
  offset: number;
}

/** A relation (table, index, view, sequence, ...) a statement names. `name` is as PostgreSQL folds it; `schema` only when written. */
export interface RelationReference {
  schema?: string;
  name: string;
  /** `target`: the statement changes or locks it directly; `referenced`: named as a dependency (FK target, index table, view source). */
  role: "target" | "referenced";
  /** What kind of object the name denotes, when the statement says. */
  objectType?: "table" | "index" | "view" | "materialized_view" | "sequence" | "type" | "function" | "schema" | "other";
  /** The statement creates it: no other session can see it yet, so its locks block nobody. */
  created?: boolean;
}

/**
 * The kind of a statement, in snake_case. The known kinds are listed in `STATEMENT_KINDS`;
 * statements the classifier does not know get `other`.
 */
export type StatementKind = string;

/** One statement of a file, with its exact text, position and parsed node. */
export interface Statement {
  /** 0-based index in its file. */
  index: number;
  file?: string;
  /** The statement's text as written, without the terminating semicolon. */
  text: string;
  /** Position of its first token (comments before it are not part of it). */
  start: SourcePosition;
  /** Position just past its last character (exclusive), before the terminating semicolon. */
  end: SourcePosition;
  /** The node from libpg-query (`{ CreateStmt: {...} }`), or undefined when the statement has a syntax error. */
  node: Node | undefined;
  kind: StatementKind;
  relations: RelationReference[];
  error?: SqlSyntaxError;
}

/** The statements of one file and the syntax errors among them. */
export interface ParsedFile {
  file?: string;
  source: string;
  statements: Statement[];
  errors: SqlSyntaxError[];
}

/** One lock a statement takes. */
export interface LockAcquisition {
  relation: string;
  mode: LockMode;
}

/** The lock model's verdict on one statement for one PostgreSQL major version. */
export interface StatementAnalysis {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  kind: StatementKind;
  locks: LockAcquisition[];
  /** The table (or index) is rewritten: time grows with its size, and its relfilenode changes. */
  rewrite: boolean;
  /** The table is scanned in full (validation, index build) without a rewrite. */
  scan: boolean;
  /** May run inside a transaction block. */
  transactional: boolean;
  /** Short explanations: why it rewrites, which version changed it, what the lock blocks. */
  notes: string[];
}

/** Options for the lock model. */
export interface AnalyzeOptions {
  /** Target PostgreSQL major version; defaults to DEFAULT_PG_VERSION. */
  pgVersion?: PgVersion;
  file?: string;
}
