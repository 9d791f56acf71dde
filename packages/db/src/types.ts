/** A row as returned by a query: column name to value. */
export type Row = Record<string, unknown>;

export interface QueryResult<T extends Row = Row> {
  rows: T[];
  /** Rows affected by INSERT/UPDATE/DELETE, when the driver says. */
  rowCount: number | null;
}

/** Something queries can be sent to: a database, or a transaction inside it. */
export interface Queryable {
  /** Parameterised query ($1, $2, ...). One statement only. */
  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<QueryResult<T>>;
  /** Run a script of one or more statements with no parameters (simple query protocol). */
  exec(sql: string): Promise<void>;
}

/** One interface over node-postgres and PGlite. */
export interface Database extends Queryable {
  /** `pg` for a server, `pglite` for the embedded database. */
  readonly driver: "pg" | "pglite";
  /** The URL with any password removed: safe for logs and reports. */
  readonly displayUrl: string;
  /**
   * Run `work` inside BEGIN/COMMIT on one connection; ROLLBACK if it throws.
   * Nested calls are not supported: use savepoints through `exec`.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Run `work` on one dedicated connection (session state such as advisory locks or SET survives between its queries). */
  withConnection<T>(work: (connection: Queryable) => Promise<T>): Promise<T>;
  /** The server's major version (15, 18, ...). */
  serverMajorVersion(): Promise<number>;
  close(): Promise<void>;
}
