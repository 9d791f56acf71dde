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
  | "migration_cancelled"
  /** Applied (committed), then a check after the COMMIT failed: nothing was rolled back. */
  | "post_commit_check_failed";

/** Alerts the runner raises. */
export type LifecycleAlert = "lock_timeout_exceeded" | "long_transaction_detected";

/** Which hooks of a phase to run: those inside the migration's transaction, or those outside it. */
export interface PhaseSelection {
  transaction?: "inside" | "outside";
}

/**
 * What the runner needs from a hook system. `phase` resolves when the phase's hooks succeeded
 * (or failed in a way their error strategy tolerates) and rejects with `HookPhaseFailedError`
 * when a fail-fast hook failed: in a migration's transaction that rolls it back; after its COMMIT
 * it is reported as a post-commit failure. The execute phases are fired twice per migration, once
 * per `transaction` side; `wants` (optional) lets the runner skip opening a connection for a side
 * that has no hooks.
 */
export interface Lifecycle {
  phase(phase: LifecyclePhase, context: Record<string, unknown>, selection?: PhaseSelection): Promise<void>;
  wants?(phase: LifecyclePhase, selection: PhaseSelection): boolean;
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
  wants: () => false,
  event: async () => undefined,
  alert: async () => undefined,
};

/** Records what fired, in order (for tests and `--format json` traces), and forwards to `inner`. */
export function recordingLifecycle(inner: Lifecycle = silentLifecycle): Lifecycle & {
  fired: Array<{ type: "phase" | "event" | "alert"; name: string; payload: Record<string, unknown>; transaction?: string }>;
} {
  const fired: Array<{
    type: "phase" | "event" | "alert";
    name: string;
    payload: Record<string, unknown>;
    transaction?: string;
  }> = [];
  return {
    fired,
    phase: async (phase, context, selection) => {
      // The outside side of the execute phases is recorded only when the inner lifecycle wants it.
      if (selection?.transaction === "outside" && inner.wants?.(phase, selection) === false) return;
      fired.push({
        type: "phase",
        name: phase,
        payload: context,
        ...(selection?.transaction === undefined ? {} : { transaction: selection.transaction }),
      });
      await inner.phase(phase, context, selection);
    },
    wants: (phase, selection) => inner.wants?.(phase, selection) ?? true,
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
