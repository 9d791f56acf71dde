import { MigrateError } from "./errors.js";

/** The lifecycle phases the runner fires, by the names @confiture/hooks gives them. */
export type LifecyclePhase =
  | "before_analyze_schema"
  | "after_analyze_schema"
  | "before_diff_schemas"
  | "after_diff_schemas"
  | "before_plan_migration"
  | "after_plan_migration"
  | "before_dry_run"
  | "after_dry_run"
  | "before_execute"
  | "after_execute"
  | "before_validate"
  | "after_validate"
  | "before_rollback"
  | "after_rollback";

/** State events the runner emits. */
export type LifecycleEvent =
  | "migration_started"
  | "migration_completed"
  | "migration_failed"
  | "migration_rolled_back"
  | "migration_cancelled";

/** Alerts the runner raises. */
export type LifecycleAlert = "lock_timeout_exceeded" | "long_transaction_detected";

/**
 * What the runner needs from a hook system. `phase` resolves when the phase's hooks succeeded
 * (or failed in a way their error strategy tolerates) and rejects with `HookPhaseFailedError`
 * when a fail-fast hook failed, which rolls the current migration back.
 */
export interface Lifecycle {
  phase(phase: LifecyclePhase, context: Record<string, unknown>): Promise<void>;
  event(event: LifecycleEvent, payload: Record<string, unknown>): Promise<void>;
  alert(alert: LifecycleAlert, payload: Record<string, unknown>): Promise<void>;
}

/** A hook failed in a way that must stop the migration. */
export class HookPhaseFailedError extends MigrateError {
  constructor(
    readonly phase: LifecyclePhase,
    readonly reasons: string[],
    options?: { cause?: unknown },
  ) {
    super("CONFITURE_MIGRATE_HOOK", `hooks of phase ${phase} failed: ${reasons.join("; ") || "no reason given"}`, options);
    this.name = "HookPhaseFailedError";
  }
  static override isInstance(error: unknown): error is HookPhaseFailedError {
    return MigrateError.isInstance(error) && error.code === "CONFITURE_MIGRATE_HOOK";
  }
}

/** A lifecycle with no hooks: every phase succeeds. */
export const silentLifecycle: Lifecycle = {
  phase: async () => undefined,
  event: async () => undefined,
  alert: async () => undefined,
};

/** Records what fired, in order (for tests and `--format json` traces), and forwards to `inner`. */
export function recordingLifecycle(inner: Lifecycle = silentLifecycle): Lifecycle & {
  fired: Array<{ type: "phase" | "event" | "alert"; name: string; payload: Record<string, unknown> }>;
} {
  const fired: Array<{ type: "phase" | "event" | "alert"; name: string; payload: Record<string, unknown> }> = [];
  return {
    fired,
    phase: async (phase, context) => {
      fired.push({ type: "phase", name: phase, payload: context });
      await inner.phase(phase, context);
    },
    event: async (event, payload) => {
      fired.push({ type: "event", name: event, payload });
      await inner.event(event, payload);
    },
    alert: async (alert, payload) => {
      fired.push({ type: "alert", name: alert, payload });
      await inner.alert(alert, payload);
    },
  };
}
