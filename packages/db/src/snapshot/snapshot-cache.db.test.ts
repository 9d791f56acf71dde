import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listTables } from "../introspection/tables.js";
import type { DatabaseLogger } from "../logger.js";
import { openDatabase } from "../open-database.js";
import type { Database } from "../types.js";
import { decodeSnapshot, encodeSnapshot, readSnapshot } from "./snapshot-file.js";

// PGlite-only: these tests are about how the embedded database starts. Each fresh start runs initdb
// in WebAssembly, which takes tens of seconds on a loaded machine, hence the long timeouts.
const slow = { timeout: 240_000 };

const installedVersion = (
  JSON.parse(await readFile(new URL("../../node_modules/@electric-sql/pglite/package.json", import.meta.url), "utf8")) as {
    version: string;
  }
).version;

/** Opens an in-memory PGlite and reports how it started ("snapshot" or "fresh"), from the debug log. */
async function open(snapshotCache: boolean | { directory: string }): Promise<{ database: Database; startedFrom: unknown }> {
  let startedFrom: unknown;
  const logger: DatabaseLogger = {
    debug: (object, message) => {
      if (message === "database opened") startedFrom = (object as { startedFrom?: unknown }).startedFrom;
    },
    warn: () => undefined,
  };
  const database = await openDatabase("pglite:", { logger, snapshotCache });
  return { database, startedFrom };
}

async function expectWorkingAndEmpty(database: Database): Promise<void> {
  try {
    expect(await listTables(database)).toEqual([]);
    await database.exec("CREATE TABLE accounts (id int PRIMARY KEY); INSERT INTO accounts VALUES (1), (2);");
    expect((await database.query("SELECT count(*)::int AS n FROM accounts")).rows).toEqual([{ n: 2 }]);
  } finally {
    await database.close();
  }
}

describe("openDatabase on in-memory PGlite with the snapshot cache", () => {
  let directory = "";
  const snapshotFile = () => join(directory, `pglite-${installedVersion}.snapshot`);
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), "confiture-snapshot-cache-"));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it("serves concurrent opens of an empty cache with one initdb and one snapshot named by the PGlite version", slow, async () => {
    const opened = await Promise.all([1, 2, 3].map(() => open({ directory })));
    expect(opened.map((entry) => entry.startedFrom).sort()).toEqual(["fresh", "snapshot", "snapshot"]);
    await Promise.all(opened.map((entry) => expectWorkingAndEmpty(entry.database)));
    expect(await readdir(directory)).toEqual([`pglite-${installedVersion}.snapshot`]);
    expect(decodeSnapshot(await readFile(snapshotFile()))).toBeDefined();
  });

  it("loads the snapshot on the next open without rewriting it, and never saves user data in it", slow, async () => {
    const before = await stat(snapshotFile());
    const { database, startedFrom } = await open({ directory });
    expect(startedFrom).toBe("snapshot");
    await expectWorkingAndEmpty(database);
    const after = await stat(snapshotFile());
    expect([after.ino, after.mtimeMs, after.size]).toEqual([before.ino, before.mtimeMs, before.size]);
  });

  it("starts fresh from a damaged snapshot and replaces it", slow, async () => {
    const valid = await readFile(snapshotFile());
    await writeFile(snapshotFile(), valid.subarray(0, valid.length / 2));
    const { database, startedFrom } = await open({ directory });
    expect(startedFrom).toBe("fresh");
    await expectWorkingAndEmpty(database);
    expect((await readSnapshot(snapshotFile())).tar).toBeDefined();
  });

  it("starts fresh when a snapshot passes its checksum but PGlite cannot start from it", slow, async () => {
    const tar = (await readSnapshot(snapshotFile())).tar;
    if (tar === undefined) throw new Error("the previous test should have left a valid snapshot");
    // Half a data directory: a well-formed file whose cluster is missing most of its catalog.
    await writeFile(snapshotFile(), encodeSnapshot(tar.subarray(0, 512 * Math.floor(tar.length / 1024))));
    const { database, startedFrom } = await open({ directory });
    expect(startedFrom).toBe("fresh");
    await expectWorkingAndEmpty(database);
    const replaced = (await readSnapshot(snapshotFile())).tar;
    expect(replaced?.length).toBeGreaterThan(tar.length / 2);
  });

  it("starts fresh and still works when the cache directory cannot be written", slow, async () => {
    const blocker = join(directory, "a-file");
    await writeFile(blocker, "not a directory");
    const { database, startedFrom } = await open({ directory: join(blocker, "cache") });
    expect(startedFrom).toBe("fresh");
    await expectWorkingAndEmpty(database);
  });

  it("neither reads nor writes the cache with snapshotCache: false", slow, async () => {
    const saved = process.env.CONFITURE_CACHE_DIR;
    const empty = join(directory, "never-used");
    process.env.CONFITURE_CACHE_DIR = empty;
    try {
      const { database, startedFrom } = await open(false);
      expect(startedFrom).toBe("fresh");
      await expectWorkingAndEmpty(database);
      await expect(stat(empty)).rejects.toThrow();
    } finally {
      if (saved === undefined) delete process.env.CONFITURE_CACHE_DIR;
      else process.env.CONFITURE_CACHE_DIR = saved;
    }
  });
});
