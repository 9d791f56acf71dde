import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DatabaseUsageError } from "../errors.js";
import { openDatabase } from "../open-database.js";
import { snapshotPath } from "./open-pristine-pglite.js";
import { readSnapshot } from "./snapshot-file.js";

// Issue 19: a FIFO at the snapshot cache path hung every embedded open (readFile waits for a writer).
describe("a snapshot cache path that is not a regular file", () => {
  let directory: string | undefined;
  afterEach(async () => {
    if (directory !== undefined) await rm(directory, { recursive: true, force: true });
  });

  it("is a clear error from readSnapshot, without waiting on the FIFO", { timeout: 10_000 }, async () => {
    directory = await mkdtemp(join(tmpdir(), "confiture-snapshot-fifo-"));
    const path = join(directory, "pglite-x.snapshot");
    execFileSync("mkfifo", [path]);
    await expect(readSnapshot(path)).rejects.toSatisfy(
      (error: unknown) => DatabaseUsageError.isInstance(error) && /is a FIFO, not a regular file/.test(error.message),
    );
  });

  it("makes openDatabase fail with that error instead of hanging", { timeout: 60_000 }, async () => {
    directory = await mkdtemp(join(tmpdir(), "confiture-snapshot-fifo-"));
    const path = await snapshotPath(directory);
    if (path === undefined) throw new Error("no PGlite version to name the snapshot");
    execFileSync("mkfifo", [path]);
    await expect(openDatabase("pglite:", { snapshotCache: { directory } })).rejects.toThrow(
      new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} is a FIFO, not a regular file`),
    );
  });
});
