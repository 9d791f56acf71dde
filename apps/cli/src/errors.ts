const marker = Symbol.for("confiture.cli.error");

/** Exit codes every command shares (the table below is printed by `confiture --help` and the README). */
export const ExitCode = {
  ok: 0,
  /** Findings or failures at error level. */
  failure: 1,
  /** Bad usage or configuration. */
  usage: 2,
  /** Another migration run holds the lock and did not release it in time. */
  locked: 3,
  /** Applied (committed), then a check after the COMMIT failed: nothing was rolled back. */
  postCommit: 4,
} as const;

/** What each exit code means, for `--help`, the README and the test that walks every command through them. */
export const EXIT_CODES: readonly { code: number; meaning: string }[] = [
  { code: ExitCode.ok, meaning: "ok: nothing at error level" },
  {
    code: ExitCode.failure,
    meaning:
      "findings or failures at error level: lint errors, risk above the maximum, a trace statement that fails or does not parse, a migration that fails or that a gate refuses, drift, a violated SLO, a regression",
  },
  {
    code: ExitCode.usage,
    meaning:
      "usage or configuration error: unknown command or option, bad option value, invalid config, a missing or unreadable input path, no SQL files found",
  },
  {
    code: ExitCode.locked,
    meaning: "locked: another migration run holds the lock, or another process has the embedded database directory open",
  },
  {
    code: ExitCode.postCommit,
    meaning:
      "applied, then a post-commit check failed: a validate hook or an after-commit hook failed after the migrations committed; they stay applied (nothing was rolled back)",
  },
];

function hasMarker(error: unknown, code: string): boolean {
  return typeof error === "object" && error !== null && marker in error && (error as { code?: string }).code === code;
}

/** A usage or configuration mistake: exit 2, message without a stack trace. */
export class UsageError extends Error {
  readonly code = "CONFITURE_USAGE" as const;
  readonly [marker] = true;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "UsageError";
  }
  static isInstance(error: unknown): error is UsageError {
    return hasMarker(error, "CONFITURE_USAGE");
  }
}

/**
 * A command that stops with a failure the user must act on (a refused gate, drift, a held lock): its
 * message without a stack trace, and its exit code (1, or 3 for a held lock).
 */
export class CommandFailedError extends Error {
  readonly code = "CONFITURE_COMMAND_FAILED" as const;
  readonly [marker] = true;
  readonly exitCode: number;
  constructor(message: string, options: { exitCode?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "CommandFailedError";
    this.exitCode = options.exitCode ?? ExitCode.failure;
  }
  static isInstance(error: unknown): error is CommandFailedError {
    return hasMarker(error, "CONFITURE_COMMAND_FAILED");
  }
}
