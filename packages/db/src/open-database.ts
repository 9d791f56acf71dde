import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import { lockEmbeddedDirectory } from "./directory-lock.js";
import { DatabaseLockedError, DatabaseUsageError } from "./errors.js";
import type { OpenDatabaseOptions } from "./logger.js";
import { toConnectionError } from "./normalize-error.js";
import { PgDatabase } from "./pg-database.js";
import { PgliteDatabase } from "./pglite-database.js";
import { userCacheDirectory } from "./snapshot/cache-directory.js";
import { openPristinePglite } from "./snapshot/open-pristine-pglite.js";
import type { Database } from "./types.js";
import { parseDatabaseUrl, redactUrl } from "./url.js";

/**
 * Open a database from a URL: `postgres://` or `postgresql://` for a server (a connection pool),
 * `pglite:` or no URL for an in-memory PGlite, `pglite:<directory>` for a PGlite kept in that directory
 * (created when missing). The connection is checked before this resolves. An embedded directory is
 * locked for this process until `close()` (see `lockEmbeddedDirectory`): a second process waits up
 * to `lockWaitMs`.
 * @throws UnsupportedDatabaseUrlError for another scheme; DatabaseConnectionError when it cannot connect;
 *   DatabaseLockedError when another process keeps the embedded directory open past `lockWaitMs`.
 */
export async function openDatabase(url?: string, options: OpenDatabaseOptions = {}): Promise<Database> {
  const location = parseDatabaseUrl(url);
  const logger = options.logger;
  if (location.driver === "pg") {
    const displayUrl = redactUrl(location.connectionString);
    const database = new PgDatabase(location.connectionString, displayUrl, logger);
    try {
      const major = await database.serverMajorVersion();
      logger?.debug({ url: displayUrl, driver: "pg", serverMajorVersion: major }, "database opened");
    } catch (error) {
      await database.close().catch(() => undefined);
      throw toConnectionError(error, displayUrl);
    }
    return database;
  }
  const directory = location.directory === undefined ? undefined : resolve(location.directory);
  const displayUrl = directory === undefined ? "pglite:" : `pglite:${directory}`;
  let release: (() => Promise<void>) | undefined;
  try {
    if (directory === undefined) {
      const { pglite, startedFrom } = await openPristinePglite({ directory: snapshotDirectory(options), logger });
      logger?.debug({ url: displayUrl, driver: "pglite", startedFrom }, "database opened");
      return new PgliteDatabase(pglite, displayUrl);
    }
    await mkdir(directory, { recursive: true });
    let lost: Error | undefined;
    release = await lockEmbeddedDirectory(directory, {
      waitMs: options.lockWaitMs ?? 60_000,
      ...(options.onLockWait === undefined ? {} : { onWait: options.onLockWait }),
      onCompromised: (error) => {
        lost = error;
        logger?.warn({ url: displayUrl, error: error.message }, "embedded database lock lost");
      },
    });
    // Loaded on demand: the WASM module is large and server users never need it.
    const { PGlite } = await import("@electric-sql/pglite");
    const pglite = new PGlite(directory);
    await pglite.waitReady;
    logger?.debug({ url: displayUrl, driver: "pglite" }, "database opened");
    return new PgliteDatabase(pglite, displayUrl, { release, lost: () => lost });
  } catch (error) {
    await release?.().catch(() => undefined);
    // A held lock or a FIFO at the snapshot path says what is wrong; the generic advice would not.
    if (DatabaseLockedError.isInstance(error) || DatabaseUsageError.isInstance(error)) throw error;
    throw toConnectionError(error, displayUrl, "pglite");
  }
}

function snapshotDirectory(options: OpenDatabaseOptions): string | undefined {
  const setting = options.snapshotCache ?? true;
  if (setting === false) return undefined;
  return setting === true ? userCacheDirectory() : setting.directory;
}
