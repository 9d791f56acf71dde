import type { Queryable } from "@confiture/db";
import type { HookSqlSession, SqlExecutor, SqlMode } from "@confiture/hooks";
import { MigrateError } from "./errors.js";

/** A hook used its SQL executor after its attempt ended (it timed out, failed or was cancelled). */
export class HookSqlRevokedError extends MigrateError {
  constructor(readonly hook: string) {
    super(
      "CONFITURE_MIGRATE_HOOK",
      `hook "${hook}" ran SQL after its attempt ended (timed out, failed or cancelled): its SQL executor is revoked`,
    );
    this.name = "HookSqlRevokedError";
  }
}

/** What a hook SQL executor runs on. */
export interface HookSqlOptions {
  connection: Queryable;
  /** `transaction`: each hook attempt gets its own SAVEPOINT in the migration's transaction. */
  mode: SqlMode;
  /** Interrupts the statement running on `connection` from another connection (server only; PGlite cannot). */
  cancel?: () => Promise<void>;
}

/** A first-come first-served lock: one hook at a time holds the session (savepoints nest, they cannot interleave). */
function createMutex(): () => Promise<() => void> {
  let tail: Promise<void> = Promise.resolve();
  return async () => {
    let release!: () => void;
    const next = new Promise<void>((resolve) => {
      release = resolve;
    });
    const previous = tail;
    tail = previous.then(() => next);
    await previous;
    return release;
  };
}

let savepoints = 0;

/** What `hookSqlExecutor` returns: a `SqlExecutor` that opens a session per hook attempt. */
export type HookSql = SqlExecutor & { mode: SqlMode; forHook(hook: string): HookSqlSession };

/**
 * The `sql` executor the runner puts in execute and rollback contexts. @confiture/hooks opens a
 * session per hook attempt (`forHook`):
 * - in a transaction, the hook's first statement opens a SAVEPOINT; when the attempt completes it is
 *   released, otherwise (failure, timeout, a SQL error the hook swallowed) rolled back, so a
 *   tolerated hook failure (fail-safe, alert-only) never aborts the migration's transaction;
 * - when the attempt ends while the hook's statement still runs (a timeout), the statement is
 *   cancelled on the server (`cancel`, pg_cancel_backend from another connection) and waited for
 *   before anything else runs on the session: the runner's ROLLBACK never queues behind it;
 * - after the attempt ended, the hook's executor is revoked: every later `exec` throws.
 * One session holds the connection at a time (hooks of a parallel phase take turns).
 */
export function hookSqlExecutor(options: HookSqlOptions): HookSql {
  const { connection, mode, cancel } = options;
  const acquire = createMutex();

  const forHook = (hook: string): HookSqlSession => {
    let ended = false;
    let release: (() => void) | undefined;
    let savepoint: string | undefined;
    let failure: unknown;
    let running: Promise<void> | undefined;
    // The hook's own statements run one after the other, even if it sends them in parallel.
    let tail: Promise<unknown> = Promise.resolve();

    const run = async (sql: string) => {
      if (ended) throw new HookSqlRevokedError(hook);
      if (failure !== undefined)
        throw new MigrateError(
          "CONFITURE_MIGRATE_HOOK",
          `hook "${hook}": an earlier statement failed; its savepoint is rolled back`,
          {
            cause: failure,
          },
        );
      if (release === undefined) {
        release = await acquire();
        if (ended) throw new HookSqlRevokedError(hook);
      }
      if (mode === "transaction" && savepoint === undefined) {
        savepoints += 1;
        savepoint = `confiture_hook_${savepoints}`;
        await connection.exec(`SAVEPOINT ${savepoint}`);
      }
      running = connection.exec(sql);
      try {
        await running;
      } catch (error) {
        failure = error;
        throw error;
      } finally {
        running = undefined;
      }
    };

    const executor: SqlExecutor = {
      mode,
      exec(sql: string): Promise<void> {
        const next = tail.then(
          () => run(sql),
          () => run(sql),
        );
        tail = next.catch(() => undefined);
        return next;
      },
    };

    const end = async (completed: boolean): Promise<void> => {
      ended = true;
      const inFlight = running;
      if (inFlight !== undefined) {
        // The hook's statement outlived its attempt: stop it on the server, then wait until it has.
        await cancel?.().catch(() => undefined);
        await inFlight.catch(() => undefined);
      }
      await tail;
      try {
        if (savepoint !== undefined) {
          if (completed && failure === undefined) await connection.exec(`RELEASE SAVEPOINT ${savepoint}`);
          else await connection.exec(`ROLLBACK TO SAVEPOINT ${savepoint}; RELEASE SAVEPOINT ${savepoint}`);
        }
      } finally {
        release?.();
      }
      if (completed && failure !== undefined) {
        const reason = failure instanceof Error ? failure.message : String(failure);
        throw new MigrateError(
          "CONFITURE_MIGRATE_HOOK",
          `hook "${hook}" reported success after its SQL failed (${reason}); ${savepoint === undefined ? "it is counted as failed" : "its savepoint was rolled back"}`,
          { cause: failure },
        );
      }
    };
    return { executor, end };
  };

  return {
    mode,
    forHook,
    // A caller that does not open sessions (another hook system) gets one session per statement.
    async exec(sql: string) {
      const session = forHook("sql");
      try {
        await session.executor.exec(sql);
      } catch (error) {
        await session.end(false).catch(() => undefined);
        throw error;
      }
      await session.end(true);
    },
  };
}
