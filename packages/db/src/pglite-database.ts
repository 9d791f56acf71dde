import { AsyncLocalStorage } from "node:async_hooks";
import type { PGlite } from "@electric-sql/pglite";
import { DatabaseUsageError } from "./errors.js";
import { Mutex } from "./mutex.js";
import { toQueryError } from "./normalize-error.js";
import type { Database, QueryResult, Queryable, Row } from "./types.js";
import { readServerMajorVersion } from "./server-version.js";

/** The inter-process lock an embedded directory is held with. */
export interface DirectoryLockHandle {
  release(): Promise<void>;
  /** The error that compromised the lock, once it has been lost. */
  lost(): Error | undefined;
}

/** A `Database` over one PGlite instance. Use `openDatabase`, which starts it. */
export class PgliteDatabase implements Database {
  readonly driver = "pglite" as const;
  readonly displayUrl: string;
  readonly #pglite: PGlite;
  // PGlite is one connection: whoever holds the mutex owns the session.
  readonly #mutex = new Mutex();
  // Marks async work running while this database's mutex is held, to fail fast instead of deadlocking.
  readonly #holding = new AsyncLocalStorage<boolean>();
  readonly #session: Queryable;
  #majorVersion: Promise<number> | undefined;
  #closed = false;
  readonly #directoryLock: DirectoryLockHandle | undefined;

  constructor(pglite: PGlite, displayUrl: string, directoryLock?: DirectoryLockHandle) {
    this.#pglite = pglite;
    this.displayUrl = displayUrl;
    this.#directoryLock = directoryLock;
    this.#session = {
      query: async <T extends Row = Row>(sql: string, params?: unknown[]): Promise<QueryResult<T>> => {
        try {
          const result = await this.#pglite.query<T>(sql, params ?? []);
          return { rows: result.rows, rowCount: result.affectedRows ?? null };
        } catch (error) {
          throw toQueryError(error);
        }
      },
      exec: async (sql: string): Promise<void> => {
        try {
          await this.#pglite.exec(sql);
        } catch (error) {
          throw toQueryError(error);
        }
      },
    };
  }

  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<QueryResult<T>> {
    return this.#exclusive(() => this.#session.query<T>(sql, params));
  }

  exec(sql: string): Promise<void> {
    return this.#exclusive(() => this.#session.exec(sql));
  }

  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.#exclusive(async () => {
      await this.#session.exec("BEGIN");
      let result: T;
      try {
        result = await work(this.#session);
      } catch (error) {
        await this.#session.exec("ROLLBACK").catch(() => undefined);
        throw error;
      }
      await this.#session.exec("COMMIT");
      return result;
    });
  }

  withConnection<T>(work: (connection: Queryable) => Promise<T>): Promise<T> {
    return this.#exclusive(async () => {
      try {
        return await work(this.#session);
      } finally {
        // The next caller gets the same single session: never hand it over inside a transaction.
        if (this.#pglite.isInTransaction()) await this.#session.exec("ROLLBACK").catch(() => undefined);
      }
    });
  }

  serverMajorVersion(): Promise<number> {
    this.#majorVersion ??= readServerMajorVersion(this);
    return this.#majorVersion;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    // Let queries already queued finish before the instance goes away.
    try {
      await this.#mutex.run(() => this.#pglite.close());
    } finally {
      await this.#directoryLock?.release().catch(() => undefined);
    }
  }

  #exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.#closed) return Promise.reject(new DatabaseUsageError(`The database ${this.displayUrl} is closed.`));
    const lost = this.#directoryLock?.lost();
    if (lost !== undefined) {
      // Another process may have taken the directory over: writing now would interleave with its pages.
      return Promise.reject(
        new DatabaseUsageError(`Lost the lock of ${this.displayUrl} (${lost.message}); stopped to keep the data intact.`, {
          cause: lost,
        }),
      );
    }
    if (this.#holding.getStore() === true) {
      return Promise.reject(
        new DatabaseUsageError(
          "PGlite has a single connection: inside transaction() or withConnection(), send queries through the object given to the callback, not through the database.",
        ),
      );
    }
    return this.#mutex.run(() => this.#holding.run(true, work));
  }
}
