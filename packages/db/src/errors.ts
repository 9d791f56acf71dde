const marker = Symbol.for("confiture.db.error");

/** Base of every error thrown by `@confiture/db`; `isInstance` works across duplicate package copies. */
export class DatabaseError extends Error {
  readonly code: string = "CONFITURE_DATABASE";
  readonly [marker] = true;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DatabaseError";
  }
  /** True for any `@confiture/db` error, from any copy of the package. */
  static isInstance(error: unknown): error is DatabaseError {
    return typeof error === "object" && error !== null && marker in error;
  }
}

/** A URL whose scheme names no driver we know. */
export class UnsupportedDatabaseUrlError extends DatabaseError {
  override readonly code = "CONFITURE_DATABASE_URL" as const;
  /** The URL with its password removed. */
  readonly displayUrl: string;
  constructor(displayUrl: string, options?: { cause?: unknown }) {
    super(
      `Unsupported database URL "${displayUrl}". Use postgres://user@host:port/database for a PostgreSQL server, ` +
        `"pglite:" for an in-memory embedded database, or "pglite:<directory>" to keep it on disk.`,
      options,
    );
    this.name = "UnsupportedDatabaseUrlError";
    this.displayUrl = displayUrl;
  }
  /** True for this error class, from any copy of the package. */
  static override isInstance(error: unknown): error is UnsupportedDatabaseUrlError {
    return DatabaseError.isInstance(error) && error.code === "CONFITURE_DATABASE_URL";
  }
}

/** The database could not be reached, refused the login, or does not exist. */
export class DatabaseConnectionError extends DatabaseError {
  override readonly code = "CONFITURE_DATABASE_CONNECTION" as const;
  /** The URL with its password removed. */
  readonly displayUrl: string;
  /** SQLSTATE when the server answered (e.g. 3D000 unknown database, 28P01 bad password). */
  readonly sqlState: string | undefined;
  constructor(message: string, details: { displayUrl: string; sqlState?: string | undefined }, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DatabaseConnectionError";
    this.displayUrl = details.displayUrl;
    this.sqlState = details.sqlState;
  }
  /** True for this error class, from any copy of the package. */
  static override isInstance(error: unknown): error is DatabaseConnectionError {
    return DatabaseError.isInstance(error) && error.code === "CONFITURE_DATABASE_CONNECTION";
  }
}

/** What PostgreSQL said about a failed statement, the same for pg and PGlite. */
export interface DatabaseQueryErrorDetails {
  /** The SQLSTATE, e.g. `42P01` (undefined table) or `25001` (cannot run inside a transaction block). */
  sqlState: string | undefined;
  severity?: string | undefined;
  detail?: string | undefined;
  hint?: string | undefined;
  /** 1-based character offset into the statement text, when the server gave one. */
  position?: number | undefined;
  where?: string | undefined;
  schema?: string | undefined;
  table?: string | undefined;
  column?: string | undefined;
  constraint?: string | undefined;
}

/** A statement that PostgreSQL rejected. The message is the server's. */
export class DatabaseQueryError extends DatabaseError {
  override readonly code = "CONFITURE_DATABASE_QUERY" as const;
  readonly sqlState: string | undefined;
  readonly severity: string | undefined;
  readonly detail: string | undefined;
  readonly hint: string | undefined;
  readonly position: number | undefined;
  readonly where: string | undefined;
  readonly schema: string | undefined;
  readonly table: string | undefined;
  readonly column: string | undefined;
  readonly constraint: string | undefined;
  constructor(message: string, details: DatabaseQueryErrorDetails, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DatabaseQueryError";
    this.sqlState = details.sqlState;
    this.severity = details.severity;
    this.detail = details.detail;
    this.hint = details.hint;
    this.position = details.position;
    this.where = details.where;
    this.schema = details.schema;
    this.table = details.table;
    this.column = details.column;
    this.constraint = details.constraint;
  }
  /** True for this error class, from any copy of the package. */
  static override isInstance(error: unknown): error is DatabaseQueryError {
    return DatabaseError.isInstance(error) && error.code === "CONFITURE_DATABASE_QUERY";
  }
}

/**
 * Another process has the embedded database directory open (see `lockEmbeddedDirectory`), and did
 * not let go within the lock wait. The CLI exits 3 on it, like a migration run that finds the lock held.
 */
export class DatabaseLockedError extends DatabaseError {
  override readonly code = "CONFITURE_DATABASE_LOCKED" as const;
  /** The embedded database directory. */
  readonly directory: string;
  readonly waitedMs: number;
  constructor(directory: string, waitedMs: number, options?: { cause?: unknown }) {
    super(
      `another process has the embedded database ${directory} open; gave up after waiting ${waitedMs} ms (raise --lock-wait to wait longer)`,
      options,
    );
    this.name = "DatabaseLockedError";
    this.directory = directory;
    this.waitedMs = waitedMs;
  }
  /** True for this error class, from any copy of the package. */
  static override isInstance(error: unknown): error is DatabaseLockedError {
    return DatabaseError.isInstance(error) && error.code === "CONFITURE_DATABASE_LOCKED";
  }
}

/** The API was used in a way that cannot work (for example a query on a closed database). */
export class DatabaseUsageError extends DatabaseError {
  override readonly code = "CONFITURE_DATABASE_USAGE" as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DatabaseUsageError";
  }
  /** True for this error class, from any copy of the package. */
  static override isInstance(error: unknown): error is DatabaseUsageError {
    return DatabaseError.isInstance(error) && error.code === "CONFITURE_DATABASE_USAGE";
  }
}

/** A table named to an introspection function does not exist. */
export class RelationNotFoundError extends DatabaseError {
  override readonly code = "CONFITURE_DATABASE_RELATION_NOT_FOUND" as const;
  /** The name as it was asked for. */
  readonly relation: string;
  constructor(relation: string, options?: { cause?: unknown }) {
    super(`Table "${relation}" does not exist (names without a schema are looked up in "public").`, options);
    this.name = "RelationNotFoundError";
    this.relation = relation;
  }
  /** True for this error class, from any copy of the package. */
  static override isInstance(error: unknown): error is RelationNotFoundError {
    return DatabaseError.isInstance(error) && error.code === "CONFITURE_DATABASE_RELATION_NOT_FOUND";
  }
}
