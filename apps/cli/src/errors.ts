const marker = Symbol.for("confiture.cli.error");

/** Exit codes every command shares (documented in the README). */
export const ExitCode = {
  ok: 0,
  /** Findings or failures at error level. */
  failure: 1,
  /** Bad usage or configuration. */
  usage: 2,
  /** Another migration run holds the lock and did not release it in time. */
  locked: 3,
} as const;

/** A usage or configuration mistake: exit 2, message without a stack trace. */
export class UsageError extends Error {
  readonly code = "CONFITURE_USAGE" as const;
  readonly [marker] = true;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "UsageError";
  }
  static isInstance(error: unknown): error is UsageError {
    return (
      typeof error === "object" && error !== null && marker in error && (error as { code?: string }).code === "CONFITURE_USAGE"
    );
  }
}
