import { lock } from "proper-lockfile";
import { DatabaseLockedError } from "./errors.js";

/** How long a lock whose owner stopped refreshing it (killed, crashed) blocks others, in milliseconds. */
export const embeddedLockStaleMs = 10_000;

/** How `lockEmbeddedDirectory` waits. */
export interface DirectoryLockOptions {
  /** How long to wait for another process to let go, in milliseconds (0: try once). */
  waitMs: number;
  /** Delay between attempts while waiting. */
  pollMs?: number;
  /** Called once when another process holds the lock, before waiting (progress output). */
  onWait?: () => void;
  /** Called if the lock is lost while held (its file was removed, or refreshing it stalled past the stale limit). */
  onCompromised?: (error: Error) => void;
}

/**
 * Takes the inter-process lock of an embedded database directory: two PGlite instances on one
 * directory overwrite each other's pages, so only one process may open it at a time. The lock is
 * `<directory>.lock`, made with `proper-lockfile` (an atomic `mkdir`, its mtime refreshed while
 * held), so a killed process cannot leave it stale: after `embeddedLockStaleMs` without a refresh it
 * is taken over. Resolves with the function that releases it.
 * @throws DatabaseLockedError when another process still holds it after `waitMs`.
 */
export async function lockEmbeddedDirectory(directory: string, options: DirectoryLockOptions): Promise<() => Promise<void>> {
  const pollMs = Math.max(10, options.pollMs ?? 100);
  const started = performance.now();
  let warned = false;
  for (;;) {
    try {
      return await lock(directory, {
        stale: embeddedLockStaleMs,
        update: 1_000,
        retries: 0,
        // The default rethrows from a timer, which would crash the process in the middle of a write.
        onCompromised: (error) => options.onCompromised?.(error),
      });
    } catch (error) {
      if ((error as { code?: unknown }).code !== "ELOCKED") throw error;
      const waited = performance.now() - started;
      if (waited >= options.waitMs) throw new DatabaseLockedError(directory, Math.round(waited), { cause: error });
      if (!warned) {
        warned = true;
        options.onWait?.();
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(pollMs, options.waitMs - waited)));
    }
  }
}
