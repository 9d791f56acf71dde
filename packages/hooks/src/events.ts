/**
 * The names of everything the executor can fire. Values are the lower-case names, so they read
 * the same in config files, logs and JSON output.
 */

/** The 14 lifecycle phases a migration run goes through; hooks attach to one of them. */
export const HookPhase = {
  BEFORE_ANALYZE_SCHEMA: "before_analyze_schema",
  AFTER_ANALYZE_SCHEMA: "after_analyze_schema",
  BEFORE_DIFF_SCHEMAS: "before_diff_schemas",
  AFTER_DIFF_SCHEMAS: "after_diff_schemas",
  BEFORE_PLAN_MIGRATION: "before_plan_migration",
  AFTER_PLAN_MIGRATION: "after_plan_migration",
  BEFORE_DRY_RUN: "before_dry_run",
  AFTER_DRY_RUN: "after_dry_run",
  BEFORE_EXECUTE: "before_execute",
  AFTER_EXECUTE: "after_execute",
  BEFORE_VALIDATE: "before_validate",
  AFTER_VALIDATE: "after_validate",
  BEFORE_ROLLBACK: "before_rollback",
  AFTER_ROLLBACK: "after_rollback",
} as const;

/** One lifecycle phase name, e.g. `"before_execute"`. */
export type HookPhase = (typeof HookPhase)[keyof typeof HookPhase];

/** Every phase, in lifecycle order. */
export const hookPhases: readonly HookPhase[] = Object.values(HookPhase);

/**
 * The 8 state changes of a migration run; observers subscribe to them with `executor.on(...)`.
 * `POST_COMMIT_CHECK_FAILED`: something was applied (committed), then a check after the COMMIT
 * failed; nothing was rolled back. `MIGRATION_PAUSED` and `MIGRATION_RESUMED` are never fired by
 * Confiture's runner (it has no pause): they are for callers that pause runs of their own.
 */
export const StateEvent = {
  MIGRATION_STARTED: "migration_started",
  MIGRATION_PAUSED: "migration_paused",
  MIGRATION_RESUMED: "migration_resumed",
  MIGRATION_COMPLETED: "migration_completed",
  MIGRATION_FAILED: "migration_failed",
  MIGRATION_ROLLED_BACK: "migration_rolled_back",
  MIGRATION_CANCELLED: "migration_cancelled",
  POST_COMMIT_CHECK_FAILED: "post_commit_check_failed",
} as const;

/** One state event name, e.g. `"migration_started"`. */
export type StateEvent = (typeof StateEvent)[keyof typeof StateEvent];

/** Every state event. */
export const stateEvents: readonly StateEvent[] = Object.values(StateEvent);

/**
 * The 6 operational alerts; raised with `executor.alert(...)`. Confiture raises
 * `LOCK_TIMEOUT_EXCEEDED`, `LONG_TRANSACTION_DETECTED` (the runner) and `PERFORMANCE_DEGRADED`
 * (@confiture/performance); nothing in Confiture raises `DATA_ANOMALY_DETECTED`,
 * `MEMORY_THRESHOLD_EXCEEDED` or `CONNECTION_POOL_EXHAUSTED`: they are for callers' own checks.
 */
export const Alert = {
  DATA_ANOMALY_DETECTED: "data_anomaly_detected",
  LOCK_TIMEOUT_EXCEEDED: "lock_timeout_exceeded",
  PERFORMANCE_DEGRADED: "performance_degraded",
  MEMORY_THRESHOLD_EXCEEDED: "memory_threshold_exceeded",
  LONG_TRANSACTION_DETECTED: "long_transaction_detected",
  CONNECTION_POOL_EXHAUSTED: "connection_pool_exhausted",
} as const;

/** One alert name, e.g. `"lock_timeout_exceeded"`. */
export type Alert = (typeof Alert)[keyof typeof Alert];

/** Every alert. */
export const alerts: readonly Alert[] = Object.values(Alert);

/**
 * The alert the `alert-only` error strategy raises when a hook fails. It is not one of the six
 * operational alerts: it says a hook failed, not that the database misbehaved.
 */
export const hookFailedAlert = "hook_failed" as const;

/** Whether a string names a lifecycle phase (config files and CLI input are checked with it). */
export function isHookPhase(value: string): value is HookPhase {
  return (hookPhases as readonly string[]).includes(value);
}
