import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { decodeSnapshot, encodeSnapshot, readSnapshot, writeSnapshot } from "./snapshot-file.js";

const tar = new TextEncoder().encode("pretend this is a tar of a data directory");

describe("encodeSnapshot / decodeSnapshot", () => {
  it("round-trips the bytes", () => {
    expect(decodeSnapshot(encodeSnapshot(tar))).toEqual(tar);
  });

  it("rejects truncated, altered and foreign files", () => {
    const file = encodeSnapshot(tar);
    expect(decodeSnapshot(file.subarray(0, file.length - 1))).toBeUndefined();
    const altered = file.slice();
    altered[altered.length - 3] = (altered[altered.length - 3] ?? 0) ^ 0xff;
    expect(decodeSnapshot(altered)).toBeUndefined();
    expect(decodeSnapshot(tar)).toBeUndefined();
    expect(decodeSnapshot(new Uint8Array(0))).toBeUndefined();
  });
});

describe("readSnapshot / writeSnapshot", () => {
  let directory: string | undefined;
  afterEach(async () => {
    if (directory !== undefined) await rm(directory, { recursive: true, force: true });
  });

  it("creates the directory, replaces an older file and leaves no temporary file", async () => {
    directory = await mkdtemp(join(tmpdir(), "confiture-snapshot-file-"));
    const path = join(directory, "nested", "pglite-1.snapshot");
    await writeSnapshot(path, new TextEncoder().encode("old"));
    await writeSnapshot(path, tar);
    const read = await readSnapshot(path);
    expect(read.found).toBe(true);
    expect(new Uint8Array(read.tar ?? [])).toEqual(tar);
    expect(await readdir(join(directory, "nested"))).toEqual(["pglite-1.snapshot"]);
  });

  it("tells a missing file from a damaged one", async () => {
    directory = await mkdtemp(join(tmpdir(), "confiture-snapshot-file-"));
    const path = join(directory, "pglite-1.snapshot");
    expect(await readSnapshot(path)).toEqual({ found: false });
    await writeFile(path, "garbage");
    expect(await readSnapshot(path)).toEqual({ found: true });
  });

  it("fails without leaving a partial file when the directory cannot hold it", async () => {
    directory = await mkdtemp(join(tmpdir(), "confiture-snapshot-file-"));
    const blocker = join(directory, "a-file");
    await writeFile(blocker, "not a directory");
    await expect(writeSnapshot(join(blocker, "pglite-1.snapshot"), tar)).rejects.toThrow();
    expect(await readdir(directory)).toEqual(["a-file"]);
    expect(await readFile(blocker, "utf8")).toBe("not a directory");
  });
});
