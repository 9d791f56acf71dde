import type { Database, Queryable } from "@confiture/db";
import type { PgVersion } from "@confiture/sql";
import { withMigrationLock } from "./advisory-lock.js";
import type { TrackedAfterLoss } from "./connection-lost.js";
import { type HookSql, hookSqlExecutor } from "./hook-sql.js";
import type { MigrateEvents } from "./events.js";
import type { GatePolicy, MigrationGates } from "./gates.js";
import { type Lifecycle, silentLifecycle } from "./lifecycle.js";
import { lockModelVersion } from "./prepare.js";
import { type ExecutionSettings, type ExecutionSettingsInput, executionSettingsSchema } from "./settings.js";
import { ensureTrackingSchema } from "./tracking.js";

/** What every run (`up`, `down`) takes. */
export interface RunOptions extends GatePolicy {
  database: Database;
  /** The migrations directory. */
  directory: string;
  settings?: ExecutionSettingsInput;
  /** The hooks to fire (see `hooksLifecycle`); none by default. */
  lifecycle?: Lifecycle;
  gates?: MigrationGates;
  /** Cancels the run: the current migration is rolled back (the CLI aborts it on SIGINT/SIGTERM, see `cancelOnSignals`). */
  signal?: AbortSignal;
  /** Receives timing and progress events. */
  events?: MigrateEvents;
  /** Who applies the migrations (default: the database's session user). */
  appliedBy?: string;
  /** The environment name hooks see (default `local`). */
  environment?: string;
  /** Plan and fire the dry-run phases without changing anything. */
  dryRun?: boolean;
}

/** A run's dedicated session: it holds the advisory lock and runs every migration. */
export interface RunSession {
  connection: Queryable;
  /** The same session as a `Database` (what gates and introspection helpers take). */
  database: Database;
  pgMajor: number;
  lockModel: PgVersion;
  settings: ExecutionSettings;
  lifecycle: Lifecycle;
  environment: string;
  progress(message: string, version?: string): void;
  cancelRunning?: () => Promise<void>;
  /**
   * Runs `work` with an autocommit SQL executor for hooks outside the migration's transaction: on a
   * connection of their own on a server (released when `work` ends), on the idle session with PGlite.
   */
  hookConnection<T>(work: (sql: HookSql) => Promise<T>): Promise<T>;
  /** Reads a migration's tracking state on a new connection (after the run's was lost); `unknown` when it cannot. */
  trackedState(version: string): Promise<TrackedAfterLoss>;
}

/**
 * Opens a dedicated connection, takes the migration lock (waiting up to `lockWaitMs`), makes sure
 * the tracking schema exists and runs `work`. The lock is released when `work` ends, and by the
 * server if the process dies.
 */
export async function withRunSession<T>(options: RunOptions, work: (session: RunSession) => Promise<T>): Promise<T> {
  const settings = executionSettingsSchema.parse(options.settings ?? {});
  const progress = (message: string, version?: string) =>
    options.events?.emit("progress", version === undefined ? { message } : { message, version });
  const pgMajor = await options.database.serverMajorVersion();
  return options.database.withConnection(async (connection) => {
    let cancelRunning: (() => Promise<void>) | undefined;
    if (options.database.driver === "pg") {
      const { rows } = await connection.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      const pid = rows[0]?.pid;
      // Cancelling goes through another pooled connection: the dedicated one is busy running the statement.
      cancelRunning = async () => {
        // Only while it runs a statement: a cancel that reaches an idle session could hit the next statement.
        await options.database.query("SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE pid = $1 AND state = 'active'", [
          pid,
        ]);
      };
    }
    return withMigrationLock(
      connection,
      {
        waitMs: settings.lockWaitMs,
        ...(options.signal === undefined ? {} : { signal: options.signal }),
        onWait: () => progress(`another migration run holds the lock; waiting up to ${settings.lockWaitMs} ms`),
      },
      async () => {
        await ensureTrackingSchema(connection);
        return work({
          connection,
          database: sessionDatabase(options.database, connection, pgMajor),
          pgMajor,
          lockModel: lockModelVersion(pgMajor),
          settings,
          lifecycle: options.lifecycle ?? silentLifecycle,
          environment: options.environment ?? "local",
          progress,
          ...(cancelRunning === undefined ? {} : { cancelRunning }),
          trackedState: async (version) => {
            // PGlite has one connection (the run's); a server gives a new one from the pool.
            if (options.database.driver !== "pg") return "unknown";
            try {
              const { rows } = await options.database.query<{ state: string }>(
                "SELECT state FROM confiture.migrations WHERE version = $1",
                [version],
              );
              const state = rows[0]?.state;
              return state === "applied" || state === "partial" ? state : "absent";
            } catch {
              return "unknown";
            }
          },
          hookConnection: (work) =>
            options.database.driver === "pg"
              ? options.database.withConnection(async (own) => {
                  const { rows } = await own.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
                  const cancel = async () => {
                    await options.database.query(
                      "SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE pid = $1 AND state = 'active'",
                      [rows[0]?.pid],
                    );
                  };
                  return work(hookSqlExecutor({ connection: own, mode: "autocommit", cancel }));
                })
              : work(hookSqlExecutor({ connection, mode: "autocommit" })),
        });
      },
    );
  });
}

/**
 * A `Database` that sends everything through one session: what code that takes a `Database` (the
 * gates, introspection) must use while the run holds the connection (PGlite has only one).
 * `transaction` uses BEGIN/COMMIT on the session; `close` does nothing (the run owns the session).
 */
export function sessionDatabase(database: Database, connection: Queryable, pgMajor: number): Database {
  // Callers may send queries in parallel (Promise.all); one session runs one at a time, so queue them.
  let tail: Promise<unknown> = Promise.resolve();
  const queued = <T>(work: () => Promise<T>): Promise<T> => {
    const next = tail.then(work, work);
    tail = next.catch(() => undefined);
    return next;
  };
  return {
    driver: database.driver,
    displayUrl: database.displayUrl,
    query: (sql, params) => queued(() => connection.query(sql, params)),
    exec: (sql) => queued(() => connection.exec(sql)),
    // Transactions and withConnection hold the queue for their whole work, which uses the session it is given.
    transaction: (work) =>
      queued(async () => {
        await connection.exec("BEGIN");
        try {
          const result = await work(connection);
          await connection.exec("COMMIT");
          return result;
        } catch (error) {
          await connection.exec("ROLLBACK").catch(() => undefined);
          throw error;
        }
      }),
    withConnection: (work) => queued(() => work(connection)),
    serverMajorVersion: async () => pgMajor,
    close: async () => undefined,
  };
}
