import { hookTransaction } from "@confiture/hooks";
import {
  HookPhaseFailedError,
  type Lifecycle,
  type LifecycleAlert,
  type LifecycleEvent,
  type LifecyclePhase,
} from "./lifecycle.js";

/**
 * The part of @confiture/hooks' `HookExecutor` the runner uses. Any executor (or a test double
 * shaped like it) fits; the CLI passes the one it built from the config.
 */
export interface HookRunner {
  runPhase(
    phase: LifecyclePhase,
    context: Record<string, unknown>,
    options?: { transaction?: "inside" | "outside" },
  ): Promise<{
    success: boolean;
    error?: Error;
    results: ReadonlyArray<{ hook: string; status: string; message?: string; error?: Error }>;
  }>;
  /** The hooks of a phase (to know whether a side of the transaction has any). */
  hooks?(phase: LifecyclePhase): ReadonlyArray<{ transaction?: "inside" | "outside"; kind?: string }>;
  emit(event: LifecycleEvent, payload?: Record<string, unknown>): void;
  alert(alert: LifecycleAlert, payload?: Record<string, unknown>): void;
}

/**
 * Fires the runner's phases, state events and alerts on a hook executor. A phase whose result is
 * not `success` (a fail-fast failure, an exhausted retry, a timeout) rejects with
 * `HookPhaseFailedError`, which rolls the current migration back.
 */
export function hooksLifecycle(executor: HookRunner): Lifecycle {
  return {
    async phase(phase, context, selection) {
      const result = await executor.runPhase(
        phase,
        context,
        selection?.transaction === undefined ? undefined : { transaction: selection.transaction },
      );
      if (result.success) return;
      const reasons = result.results
        .filter((entry) => entry.status !== "completed" && entry.status !== "skipped")
        .map(
          (entry) =>
            entry.error?.message ??
            `hook "${entry.hook}" ${entry.status}${entry.message === undefined ? "" : `: ${entry.message}`}`,
        );
      if (reasons.length === 0 && result.error !== undefined) reasons.push(result.error.message);
      throw new HookPhaseFailedError(phase, reasons, { cause: result.error });
    },
    wants(phase, selection) {
      if (selection.transaction === undefined || executor.hooks === undefined) return true;
      return executor.hooks(phase).some((hook) => hookTransaction(hook as never) === selection.transaction);
    },
    async event(event, payload) {
      executor.emit(event, payload);
    },
    async alert(alert, payload) {
      executor.alert(alert, payload);
    },
  };
}
