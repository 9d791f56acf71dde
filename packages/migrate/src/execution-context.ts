import type { Queryable } from "@confiture/db";
import { MigrationCancelledError } from "./errors.js";
import type { Lifecycle } from "./lifecycle.js";
import type { PreparedMigration } from "./prepare.js";
import { type ExecutionSettings, sqlStateOf } from "./settings.js";

/** What executing one migration needs. */
export interface ExecutionContext {
  /** The dedicated connection that holds the migration lock. */
  connection: Queryable;
  settings: ExecutionSettings;
  lifecycle: Lifecycle;
  pgMajor: number;
  /** The environment name hooks see (`local`, `staging`, `production`, ...). */
  environment: string;
  /** Every migration of the run, in order (hooks see the whole plan). */
  plan: MigrationRef[];
  /** How many migrations of the run completed so far; the runner updates it. */
  appliedCount: number;
  appliedBy?: string;
  signal?: AbortSignal;
  /** Interrupts the statement running on `connection` (pg_cancel_backend from another connection); absent for PGlite. */
  cancelRunning?: () => Promise<void>;
  progress(message: string): void;
}

/** What happened to one migration. */
export interface MigrationOutcome {
  version: string;
  name: string;
  direction: "up" | "down";
  transactional: boolean;
  durationMs: number;
  statements: number;
  attempts: number;
}

/** A migration as hooks see it (the `migration` of @confiture/hooks contexts). */
export interface MigrationRef {
  version: string;
  name: string;
  checksum: string;
  path: string;
  [key: string]: unknown;
}

/** The reference hooks receive for a prepared migration. */
export function migrationRef(migration: PreparedMigration): MigrationRef {
  return {
    version: migration.version,
    name: migration.name,
    checksum: migration.checksum,
    path: migration.path,
    transactional: migration.transactional,
    statements: migration.statements.length,
  };
}

/** The execute-phase context: the migration, the run's plan and progress, and (in a transaction) the SQL executor hooks share it through. */
export function executePhaseContext(
  context: ExecutionContext,
  migration: PreparedMigration,
  extra: Record<string, unknown>,
): Record<string, unknown> {
  return {
    environment: context.environment,
    dryRun: false,
    direction: migration.direction,
    migration: migrationRef(migration),
    plan: context.plan,
    appliedCount: context.appliedCount,
    transactional: migration.transactional,
    ...extra,
  };
}

/** An error as data, as hook contexts carry it. */
export function errorInfo(error: unknown): { name: string; message: string; code?: string } {
  const sqlState = sqlStateOf(error);
  if (error instanceof Error)
    return { name: error.name, message: error.message, ...(sqlState === undefined ? {} : { code: sqlState }) };
  return { name: "Error", message: String(error) };
}

/** The rollback-phase context: why, and the error that caused it. */
export function rollbackPhaseContext(
  context: ExecutionContext,
  migration: PreparedMigration,
  error: unknown,
  extra: Record<string, unknown>,
): Record<string, unknown> {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    environment: context.environment,
    dryRun: false,
    direction: migration.direction,
    migration: migrationRef(migration),
    reason: reason === "" ? "failed" : reason,
    originalError: errorInfo(error),
    cancelled: MigrationCancelledError.isInstance(error),
    ...extra,
  };
}

/** Throws the cancellation error when the run's signal has fired. */
export function throwIfCancelled(signal: AbortSignal | undefined, where: string): void {
  if (signal?.aborted) throw new MigrationCancelledError(`cancelled ${where}`);
}

/**
 * Raises `long_transaction_detected` once when the migration runs past the threshold: from a timer
 * (a server statement runs while the event loop is free) and from `check()` after each statement
 * (PGlite runs a statement synchronously, so the timer cannot fire during it).
 */
export function watchDuration(context: ExecutionContext, migration: PreparedMigration): { check(): void; stop(): void } {
  const started = performance.now();
  let raised = false;
  const raise = () => {
    if (raised) return;
    raised = true;
    void context.lifecycle
      .alert("long_transaction_detected", {
        environment: context.environment,
        migration: migrationRef(migration),
        elapsedMs: Math.round(performance.now() - started),
        thresholdMs: context.settings.longTransactionMs,
      })
      .catch(() => undefined);
  };
  const timer = setTimeout(raise, context.settings.longTransactionMs);
  timer.unref?.();
  return {
    check: () => {
      if (performance.now() - started >= context.settings.longTransactionMs) raise();
    },
    stop: () => clearTimeout(timer),
  };
}
