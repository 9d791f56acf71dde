import type { Queryable } from "@confiture/db";
import { MigrationCancelledError, MigrationLockedError } from "./errors.js";

/** The advisory lock key every confiture migration run takes (a constant, so all versions agree). */
export const defaultMigrationLockKey = "7311225096718263141";

/** How to take the migration lock. */
export interface MigrationLockOptions {
  /** How long to wait for another run to finish, in milliseconds (0: try once). */
  waitMs: number;
  /** Delay between attempts while waiting. */
  pollMs?: number;
  key?: string;
  signal?: AbortSignal;
  /** Called once when the lock is busy, before waiting (progress output). */
  onWait?: () => void;
}

/**
 * Runs `work` while holding the session-level advisory lock on `connection`, which must be a
 * dedicated connection (`Database.withConnection`): the lock belongs to the session, so it
 * survives the migrations' transactions and vanishes with the session if the process dies.
 * Polls `pg_try_advisory_lock` rather than blocking in `pg_advisory_lock`, so the wait is bounded
 * and cancellable. Gives up with `MigrationLockedError` after `waitMs`.
 */
export async function withMigrationLock<T>(
  connection: Queryable,
  options: MigrationLockOptions,
  work: () => Promise<T>,
): Promise<T> {
  const key = options.key ?? defaultMigrationLockKey;
  const pollMs = Math.max(10, options.pollMs ?? 100);
  const started = performance.now();
  let warned = false;
  for (;;) {
    if (options.signal?.aborted) throw new MigrationCancelledError("cancelled while waiting for the migration lock");
    const { rows } = await connection.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS locked", [key]);
    if (rows[0]?.locked === true) break;
    const waited = performance.now() - started;
    if (waited >= options.waitMs) throw new MigrationLockedError(Math.round(waited));
    if (!warned) {
      warned = true;
      options.onWait?.();
    }
    await delay(Math.min(pollMs, options.waitMs - waited), options.signal);
  }
  try {
    return await work();
  } finally {
    // A broken connection has already lost the lock with its session; nothing to release then.
    await connection.query("SELECT pg_advisory_unlock($1::bigint)", [key]).catch(() => undefined);
  }
}

/** Waits `ms`, or less when the signal aborts. */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
