const marker = Symbol.for("confiture.monitoring.error");

/** A metrics file or SLO configuration that cannot be read. */
export class MonitoringError extends Error {
  readonly code = "CONFITURE_MONITORING" as const;
  readonly [marker] = true;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MonitoringError";
  }
  /** Works across duplicate copies of this package. */
  static isInstance(error: unknown): error is MonitoringError {
    return typeof error === "object" && error !== null && marker in error;
  }
}
