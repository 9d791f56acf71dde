const marker = Symbol.for("confiture.risk.error");

/** Codes of the errors this package throws. */
export type RiskErrorCode =
  | "CONFITURE_RISK_CONFIG"
  | "CONFITURE_RISK_SNAPSHOT"
  | "CONFITURE_RISK_CALIBRATION"
  | "CONFITURE_RISK_TRACE";

/** Base class: a literal `code`, an optional `cause`, and `isInstance()` that works across duplicate package copies. */
export class RiskError extends Error {
  readonly code: RiskErrorCode;
  readonly [marker] = true;
  constructor(code: RiskErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "RiskError";
    this.code = code;
  }
  /** True for any error of this package, even from another copy of it. */
  static isInstance(error: unknown): error is RiskError {
    return typeof error === "object" && error !== null && marker in error;
  }
}

/** The risk configuration does not validate; the message names the key path. */
export class RiskConfigError extends RiskError {
  override readonly code = "CONFITURE_RISK_CONFIG" as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super("CONFITURE_RISK_CONFIG", message, options);
    this.name = "RiskConfigError";
  }
  static override isInstance(error: unknown): error is RiskConfigError {
    return RiskError.isInstance(error) && error.code === "CONFITURE_RISK_CONFIG";
  }
}

/** A statistics snapshot file cannot be read or does not validate. */
export class SnapshotError extends RiskError {
  override readonly code = "CONFITURE_RISK_SNAPSHOT" as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super("CONFITURE_RISK_SNAPSHOT", message, options);
    this.name = "SnapshotError";
  }
  static override isInstance(error: unknown): error is SnapshotError {
    return RiskError.isInstance(error) && error.code === "CONFITURE_RISK_SNAPSHOT";
  }
}

/** Calibration could not measure the server, or stored calibration does not validate. */
export class CalibrationError extends RiskError {
  override readonly code = "CONFITURE_RISK_CALIBRATION" as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super("CONFITURE_RISK_CALIBRATION", message, options);
    this.name = "CalibrationError";
  }
  static override isInstance(error: unknown): error is CalibrationError {
    return RiskError.isInstance(error) && error.code === "CONFITURE_RISK_CALIBRATION";
  }
}

/** Tracing could not prepare the schema a migration needs (an earlier migration failed to replay). */
export class TraceError extends RiskError {
  override readonly code = "CONFITURE_RISK_TRACE" as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super("CONFITURE_RISK_TRACE", message, options);
    this.name = "TraceError";
  }
  static override isInstance(error: unknown): error is TraceError {
    return RiskError.isInstance(error) && error.code === "CONFITURE_RISK_TRACE";
  }
}
