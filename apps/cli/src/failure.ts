import { CommanderError } from "commander";
import { CommandFailedError, ExitCode, UsageError } from "./errors.js";

/**
 * `@confiture/db`'s DatabaseLockedError, recognised the way its `isInstance` does (the package's
 * `Symbol.for` marker and the literal code) without importing the driver package into every command.
 */
function isDatabaseLocked(error: unknown): error is Error & { code: string } {
  return (
    typeof error === "object" &&
    error !== null &&
    Symbol.for("confiture.db.error") in error &&
    (error as { code?: unknown }).code === "CONFITURE_DATABASE_LOCKED"
  );
}

/** How the top-level catch reports an error: exit code, a code for JSON, the message for people. */
export interface Failure {
  exitCode: number;
  code: string;
  message: string;
  /** Unexpected errors only: the stack helps, and `--verbose` prints it. */
  unexpected: boolean;
}

const fileProblems: Record<string, string> = {
  ENOENT: "no such file or directory",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "is a directory, where a file was expected",
  ENOTDIR: "a part of the path is not a directory",
  ELOOP: "too many levels of symbolic links",
  ENAMETOOLONG: "the name is too long",
};

type FileError = Error & { code: string; path?: string; syscall?: string };

/** The file-system error (missing, unreadable, a directory for a file...) an error is or was caused by. */
function fileErrorOf(error: unknown): FileError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (current instanceof Error && typeof code === "string" && code in fileProblems) return current as FileError;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function codeOf(error: unknown, fallback: string): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === "string" && code.startsWith("CONFITURE_") ? code : fallback;
}

/**
 * Maps whatever a command threw to the exit-code table: usage and configuration mistakes (and a
 * missing or unreadable input path) exit 2, a held lock (a migration run's, or another process's on an
 * embedded directory) 3, the rest 1.
 */
export function failureOf(error: unknown): Failure {
  if (error instanceof CommanderError) {
    return {
      exitCode: ExitCode.usage,
      code: "CONFITURE_USAGE",
      message: error.message.replace(/^error: /, ""),
      unexpected: false,
    };
  }
  if (UsageError.isInstance(error))
    return { exitCode: ExitCode.usage, code: error.code, message: error.message, unexpected: false };
  const fileError = fileErrorOf(error);
  if (fileError !== undefined) {
    // A package's own message (e.g. "the migrations directory ... does not exist") says more than the raw one.
    const message =
      fileError === error
        ? `cannot read ${fileError.path ?? "a file"}: ${fileProblems[fileError.code]} (${fileError.code})`
        : (error as Error).message;
    return { exitCode: ExitCode.usage, code: codeOf(error, "CONFITURE_USAGE"), message, unexpected: false };
  }
  // Any command that opens an embedded directory another process holds: the same exit as a held migration lock.
  if (isDatabaseLocked(error)) return { exitCode: ExitCode.locked, code: error.code, message: error.message, unexpected: false };
  if (CommandFailedError.isInstance(error)) {
    return { exitCode: error.exitCode, code: codeOf(error.cause, error.code), message: error.message, unexpected: false };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { exitCode: ExitCode.failure, code: codeOf(error, "CONFITURE_ERROR"), message, unexpected: true };
}
