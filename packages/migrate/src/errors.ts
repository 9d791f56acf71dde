const marker = Symbol.for("confiture.migrate.error");

/** The codes of every error this package throws. */
export type MigrateErrorCode =
  | "CONFITURE_MIGRATE_LOCKED"
  | "CONFITURE_MIGRATE_FILES"
  | "CONFITURE_MIGRATE_DRIFT"
  | "CONFITURE_MIGRATE_FAILED"
  | "CONFITURE_MIGRATE_CANCELLED"
  | "CONFITURE_MIGRATE_GATE"
  | "CONFITURE_MIGRATE_TARGET"
  | "CONFITURE_MIGRATE_HOOK";

/** The base of every error of @confiture/migrate. `isInstance` works across duplicate package copies. */
export class MigrateError extends Error {
  readonly code: MigrateErrorCode;
  readonly [marker] = true;
  constructor(code: MigrateErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = "MigrateError";
  }
  static isInstance(error: unknown): error is MigrateError {
    return typeof error === "object" && error !== null && marker in error;
  }
}

function hasCode(error: unknown, code: MigrateErrorCode): boolean {
  return MigrateError.isInstance(error) && error.code === code;
}

/** Another run holds the migration lock and did not release it within the wait. The CLI exits with 3. */
export class MigrationLockedError extends MigrateError {
  override readonly code = "CONFITURE_MIGRATE_LOCKED" as const;
  constructor(
    readonly waitedMs: number,
    options?: { cause?: unknown },
  ) {
    super(
      "CONFITURE_MIGRATE_LOCKED",
      `another migration run holds the lock; gave up after waiting ${waitedMs} ms (raise --lock-wait to wait longer)`,
      options,
    );
    this.name = "MigrationLockedError";
  }
  static override isInstance(error: unknown): error is MigrationLockedError {
    return hasCode(error, "CONFITURE_MIGRATE_LOCKED");
  }
}

/** The migration files cannot be run as they are (bad names, duplicate versions, syntax errors, missing down file). */
export class MigrationFilesError extends MigrateError {
  override readonly code = "CONFITURE_MIGRATE_FILES" as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super("CONFITURE_MIGRATE_FILES", message, options);
    this.name = "MigrationFilesError";
  }
  static override isInstance(error: unknown): error is MigrationFilesError {
    return hasCode(error, "CONFITURE_MIGRATE_FILES");
  }
}

/** An applied migration's file changed (or vanished) since it was applied. */
export class MigrationDriftError extends MigrateError {
  override readonly code = "CONFITURE_MIGRATE_DRIFT" as const;
  constructor(
    readonly versions: string[],
    options?: { cause?: unknown },
  ) {
    super("CONFITURE_MIGRATE_DRIFT", `applied migrations changed since they were applied: ${versions.join(", ")}`, options);
    this.name = "MigrationDriftError";
  }
  static override isInstance(error: unknown): error is MigrationDriftError {
    return hasCode(error, "CONFITURE_MIGRATE_DRIFT");
  }
}

/** A migration failed; it was rolled back (or, when it cannot run in a transaction, left resumable). */
export class MigrationFailedError extends MigrateError {
  override readonly code = "CONFITURE_MIGRATE_FAILED" as const;
  constructor(
    readonly version: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super("CONFITURE_MIGRATE_FAILED", message, options);
    this.name = "MigrationFailedError";
  }
  static override isInstance(error: unknown): error is MigrationFailedError {
    return hasCode(error, "CONFITURE_MIGRATE_FAILED");
  }
}

/** The run was cancelled (SIGINT, SIGTERM or an aborted signal); the current migration was rolled back. */
export class MigrationCancelledError extends MigrateError {
  override readonly code = "CONFITURE_MIGRATE_CANCELLED" as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super("CONFITURE_MIGRATE_CANCELLED", message, options);
    this.name = "MigrationCancelledError";
  }
  static override isInstance(error: unknown): error is MigrationCancelledError {
    return hasCode(error, "CONFITURE_MIGRATE_CANCELLED");
  }
}

/** A gate (lint errors, risk above the allowed level) refused the run. */
export class MigrationGateError extends MigrateError {
  override readonly code = "CONFITURE_MIGRATE_GATE" as const;
  constructor(
    readonly gate: "lint" | "risk",
    readonly reasons: string[],
    options?: { cause?: unknown },
  ) {
    super("CONFITURE_MIGRATE_GATE", `the ${gate} gate refused the run (--force to run anyway): ${reasons.join("; ")}`, options);
    this.name = "MigrationGateError";
  }
  static override isInstance(error: unknown): error is MigrationGateError {
    return hasCode(error, "CONFITURE_MIGRATE_GATE");
  }
}

/** `--to` names a version that does not exist, or `down` cannot find what it needs. */
export class MigrationTargetError extends MigrateError {
  override readonly code = "CONFITURE_MIGRATE_TARGET" as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super("CONFITURE_MIGRATE_TARGET", message, options);
    this.name = "MigrationTargetError";
  }
  static override isInstance(error: unknown): error is MigrationTargetError {
    return hasCode(error, "CONFITURE_MIGRATE_TARGET");
  }
}
