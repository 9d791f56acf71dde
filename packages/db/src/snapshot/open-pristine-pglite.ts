import { join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { DatabaseLogger } from "../logger.js";
import { pgliteVersion } from "./pglite-version.js";
import { readSnapshot, writeSnapshot } from "./snapshot-file.js";

/** Where a new PGlite came from. */
export type PgliteStart = "snapshot" | "fresh";

/** A new, empty in-memory PGlite and how it was started. */
export interface PristinePglite {
  pglite: PGlite;
  startedFrom: PgliteStart;
  /** The snapshot file read or written, when a cache directory was given and usable. */
  snapshotPath?: string;
}

/** Options of `openPristinePglite`. */
export interface PristinePgliteOptions {
  /** Directory holding the snapshot; `undefined` starts fresh and caches nothing. */
  directory: string | undefined;
  logger?: DatabaseLogger | undefined;
}

// Snapshots being created by this process, by path: concurrent opens wait for the one initdb instead
// of each running their own (initdb is CPU-bound WebAssembly on the one main thread).
const creating = new Map<string, Promise<void>>();

/**
 * A new, empty in-memory PGlite. A fresh PGlite runs initdb in WebAssembly (3 s idle, much more
 * under load); loading a snapshot of a freshly initialised cluster skips it. The snapshot lives in
 * `directory`, one file per PGlite version (a data directory only loads into the version that wrote
 * it), and is written by the first fresh start. A missing, damaged or unloadable snapshot means a
 * fresh start that replaces it; a directory that cannot be written means a fresh start every time.
 */
export async function openPristinePglite(options: PristinePgliteOptions): Promise<PristinePglite> {
  const { PGlite } = await import("@electric-sql/pglite");
  const path = await snapshotPath(options.directory);
  if (path === undefined) return { pglite: await startFresh(PGlite), startedFrom: "fresh" };
  return openFromSnapshot(PGlite, path, options.logger, true);
}

async function openFromSnapshot(
  PGliteClass: typeof PGlite,
  path: string,
  logger: DatabaseLogger | undefined,
  mayWait: boolean,
): Promise<PristinePglite> {
  await creating.get(path);
  const loaded = await loadSnapshot(PGliteClass, path, logger);
  if (loaded !== undefined) return { pglite: loaded, startedFrom: "snapshot", snapshotPath: path };
  // Another open started creating the snapshot while this one was reading: wait for it once.
  if (mayWait && creating.has(path)) return openFromSnapshot(PGliteClass, path, logger, false);
  let finished!: () => void;
  creating.set(
    path,
    new Promise<void>((resolve) => {
      finished = resolve;
    }),
  );
  try {
    const pglite = await startFresh(PGliteClass);
    await saveSnapshot(pglite, path, logger);
    return { pglite, startedFrom: "fresh", snapshotPath: path };
  } finally {
    creating.delete(path);
    finished();
  }
}

async function loadSnapshot(
  PGliteClass: typeof PGlite,
  path: string,
  logger: DatabaseLogger | undefined,
): Promise<PGlite | undefined> {
  const { found, tar } = await readSnapshot(path);
  if (tar === undefined || !isTar(tar)) {
    if (found) logger?.debug({ snapshot: path }, "PGlite snapshot damaged: starting fresh and replacing it");
    return undefined;
  }
  let pglite: PGlite | undefined;
  try {
    // readFile gives a Buffer over a plain ArrayBuffer (never shared memory), so no copy is needed here.
    pglite = new PGliteClass({ loadDataDir: new Blob([tar as Uint8Array<ArrayBuffer>]) });
    await pglite.waitReady;
    // A data directory can unpack and still not start a usable backend: ask it something.
    await pglite.query("SELECT 1");
    return pglite;
  } catch (error) {
    logger?.debug({ snapshot: path, error: String(error) }, "PGlite snapshot did not load: starting fresh and replacing it");
    await pglite?.close().catch(() => undefined);
    return undefined;
  }
}

// PGlite takes anything that is not a tar for gzip, and a gzip error escapes its promises (an uncaught
// exception): check the ustar magic of the first header before handing the bytes over.
function isTar(bytes: Uint8Array): boolean {
  return new TextDecoder().decode(bytes.subarray(257, 262)) === "ustar";
}

async function saveSnapshot(pglite: PGlite, path: string, logger: DatabaseLogger | undefined): Promise<void> {
  try {
    // A checkpoint first, so the snapshot starts without replaying WAL.
    await pglite.exec("CHECKPOINT");
    const dump = await pglite.dumpDataDir("none");
    await writeSnapshot(path, new Uint8Array(await dump.arrayBuffer()));
    logger?.debug({ snapshot: path }, "PGlite snapshot saved");
  } catch (error) {
    // A read-only or full cache only costs speed: the database itself is fine.
    logger?.debug({ snapshot: path, error: String(error) }, "PGlite snapshot not saved");
  }
}

async function startFresh(PGliteClass: typeof PGlite): Promise<PGlite> {
  const pglite = new PGliteClass();
  await pglite.waitReady;
  return pglite;
}

/** The snapshot file for the installed PGlite in `directory`; `undefined` when there is no directory or no known version. */
export async function snapshotPath(directory: string | undefined): Promise<string | undefined> {
  if (directory === undefined) return undefined;
  const version = await pgliteVersion();
  // Without a version an upgrade could load an incompatible data directory: do not cache at all.
  if (version === undefined) return undefined;
  return join(directory, `pglite-${version.replace(/[^\w.+-]/g, "_")}.snapshot`);
}
