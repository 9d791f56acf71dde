const marker = Symbol.for("confiture.performance.error");

type PerformanceErrorCode =
  | "CONFITURE_PROFILE_WRITE_REFUSED"
  | "CONFITURE_PROFILE_NOT_PROFILABLE"
  | "CONFITURE_QUERIES_FILE"
  | "CONFITURE_BASELINE_STORE";

/** Base class of the package's errors; `code` says which. */
export class PerformanceError extends Error {
  readonly [marker] = true;
  constructor(
    readonly code: PerformanceErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "PerformanceError";
  }
  /** Works across duplicate copies of this package. */
  static isInstance(error: unknown): error is PerformanceError {
    return typeof error === "object" && error !== null && marker in error;
  }
}
