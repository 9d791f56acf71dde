export { defaultMigrationLockKey, withMigrationLock } from "./advisory-lock.js";
export type { MigrationLockOptions } from "./advisory-lock.js";
export { migrateDown } from "./down.js";
export type { DownOptions } from "./down.js";
export {
  MigrateError,
  MigrationCancelledError,
  MigrationDriftError,
  MigrationFailedError,
  MigrationFilesError,
  MigrationGateError,
  MigrationLockedError,
  MigrationTargetError,
} from "./errors.js";
export type { MigrateErrorCode } from "./errors.js";
export { createMigrateEvents } from "./events.js";
export type { MigrateEventMap, MigrateEvents, ProgressEvent, TimingEvent } from "./events.js";
export type { MigrationOutcome, MigrationRef } from "./execution-context.js";
export {
  checksumOf,
  createMigrationFiles,
  migrationSlug,
  parseMigrationFileName,
  readMigrationDirectory,
  timestampVersion,
} from "./files.js";
export type { MigrationDirectory, MigrationFile, UnrecognizedFile } from "./files.js";
export { checkGates, riskLevels, riskRank } from "./gates.js";
export type { GateContext, GateFile, GatePolicy, GateVerdict, LintGateResult, MigrationGates, RiskGateResult } from "./gates.js";
export { hooksLifecycle } from "./hooks-lifecycle.js";
export type { HookRunner } from "./hooks-lifecycle.js";
export { findInvalidIndexes, findUnvalidatedConstraints } from "./introspect.js";
export type { InvalidIndex, UnvalidatedConstraint } from "./introspect.js";
export { HookPhaseFailedError, recordingLifecycle, silentLifecycle } from "./lifecycle.js";
export type { Lifecycle, LifecycleAlert, LifecycleEvent, LifecyclePhase } from "./lifecycle.js";
export { prepareMigration } from "./prepare.js";
export type { Direction, PreparedMigration, PreparedStatement } from "./prepare.js";
export type { PlannedMigration, RunResult } from "./run.js";
export type { RunOptions } from "./session.js";
export { executionSettingsSchema, lockRetrySchema, migrationsConfigSchema } from "./settings.js";
export type { ExecutionSettings, ExecutionSettingsInput, MigrationsConfig } from "./settings.js";
export { cancelOnSignals } from "./signals.js";
export { migrationStatus } from "./status.js";
export type { MigrationState, MigrationStatusEntry, StatusReport } from "./status.js";
export { readAppliedMigrations, trackingSchemaSql } from "./tracking.js";
export type { AppliedMigration, StatementHistoryRecord, TrackedState } from "./tracking.js";
export { migrateUp } from "./up.js";
export type { UpOptions } from "./up.js";
export type { DriftedMigration, ValidationReport } from "./validate.js";
