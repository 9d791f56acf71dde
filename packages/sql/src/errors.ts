const marker = Symbol.for("confiture.sql.error");

/** Base of every error thrown by `@confiture/sql`; `isInstance` works across duplicate package copies. */
export class SqlPackageError extends Error {
  readonly code: string = "CONFITURE_SQL";
  readonly [marker] = true;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SqlPackageError";
  }
  /** True for any `@confiture/sql` error, from any copy of the package. */
  static isInstance(error: unknown): error is SqlPackageError {
    return typeof error === "object" && error !== null && marker in error;
  }
}

/** A synchronous API was called before `loadParser()` finished loading the WebAssembly parser. */
export class ParserNotLoadedError extends SqlPackageError {
  override readonly code = "CONFITURE_SQL_PARSER_NOT_LOADED" as const;
  constructor(options?: { cause?: unknown }) {
    super("The PostgreSQL parser is not loaded: await loadParser() (or use parseSql) before parseSqlSync.", options);
    this.name = "ParserNotLoadedError";
  }
  /** True for this error class, from any copy of the package. */
  static override isInstance(error: unknown): error is ParserNotLoadedError {
    return SqlPackageError.isInstance(error) && error.code === "CONFITURE_SQL_PARSER_NOT_LOADED";
  }
}
