import { createHash, randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { mkdir, open, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { DatabaseUsageError } from "../errors.js";

// One file holds a header line and the tar of the data directory. The header carries a SHA-256 of
// the tar, so a truncated or damaged file is rejected here: PGlite itself can crash the process
// (an uncaught zlib stream error) when handed bytes that are not a tar.
const magic = "confiture-pglite-snapshot/1";

/** Wrap a data-directory tar with a header that lets `decodeSnapshot` verify it. */
export function encodeSnapshot(tar: Uint8Array): Uint8Array {
  const header = new TextEncoder().encode(`${magic} ${tar.byteLength} ${sha256(tar)}\n`);
  const file = new Uint8Array(header.byteLength + tar.byteLength);
  file.set(header, 0);
  file.set(tar, header.byteLength);
  return file;
}

/** The tar inside a snapshot file, or `undefined` when the file is not one or does not match its checksum. */
export function decodeSnapshot(file: Uint8Array): Uint8Array | undefined {
  const newline = file.indexOf(0x0a);
  if (newline < 0 || newline > 200) return undefined;
  const [name, length, checksum] = new TextDecoder().decode(file.subarray(0, newline)).split(" ");
  if (name !== magic || length === undefined || checksum === undefined) return undefined;
  const tar = file.subarray(newline + 1);
  if (tar.byteLength !== Number(length) || sha256(tar) !== checksum) return undefined;
  return tar;
}

/**
 * Read and verify a snapshot; no `tar` when it is missing, unreadable or damaged.
 * @throws DatabaseUsageError when something other than a regular file sits at the path (a FIFO would
 *   block every open forever, a directory or device is no snapshot): only a person can say what it is.
 */
export async function readSnapshot(path: string): Promise<{ tar?: Uint8Array; found: boolean }> {
  // O_NONBLOCK: opening a FIFO that has no writer would otherwise wait for one.
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK).catch(() => undefined);
  if (handle === undefined) return { found: false };
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      const kind = info.isFIFO()
        ? "a FIFO"
        : info.isDirectory()
          ? "a directory"
          : info.isSocket()
            ? "a socket"
            : "not a regular file";
      throw new DatabaseUsageError(
        `The PGlite snapshot cache path ${path} is ${kind}, not a regular file: remove it, or point CONFITURE_CACHE_DIR elsewhere.`,
      );
    }
    const file = await handle.readFile().catch(() => undefined);
    if (file === undefined) return { found: false };
    const tar = decodeSnapshot(file);
    return tar === undefined ? { found: true } : { found: true, tar };
  } finally {
    await handle.close();
  }
}

/**
 * Write a snapshot atomically: to a unique temporary name in the same directory, then renamed over
 * the final name, so a concurrent reader sees the old file, the new one, or none, never half of one.
 */
export async function writeSnapshot(path: string, tar: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const partial = `${path}.${process.pid}-${randomBytes(4).toString("hex")}.partial`;
  try {
    await writeFile(partial, encodeSnapshot(tar));
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
