import { open } from "node:fs/promises";
import { constants } from "node:fs";
import type { InputProblem } from "./input-finding.js";

const decoder = new TextDecoder("utf-8", { fatal: true });

/** A file's text, or why it is not SQL text. */
export type SqlFileRead = { source: string } | { problem: InputProblem };

/**
 * Reads a file as SQL text. Anything but a regular file (a FIFO would block forever, a device may
 * never end) is a problem and is not read; nor is a file with a NUL byte or bytes that are not
 * UTF-8, so a binary or `/proc/self/environ` never reaches a parser message or a code frame.
 */
export async function readSqlFile(path: string): Promise<SqlFileRead> {
  // O_NONBLOCK: opening a FIFO with no writer would otherwise wait for one.
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { problem: { path, kind: "notRegularFile", detail: fileKind(info) } };
    const bytes = await handle.readFile();
    const nul = bytes.indexOf(0);
    if (nul !== -1) return { problem: { path, kind: "notSqlText", detail: `a NUL byte at offset ${nul}` } };
    try {
      return { source: decoder.decode(bytes) };
    } catch {
      return { problem: { path, kind: "notSqlText", detail: "bytes that are not UTF-8" } };
    }
  } finally {
    await handle.close();
  }
}

function fileKind(info: {
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isDirectory(): boolean;
}): string {
  if (info.isFIFO()) return "a FIFO";
  if (info.isSocket()) return "a socket";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "a device";
  if (info.isDirectory()) return "a directory";
  return "not a regular file";
}
