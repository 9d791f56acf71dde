import type { Database } from "@confiture/db";
import { Alert, type AnyHookDefinition, defineHook, HookPhase } from "@confiture/hooks";
import type { NamedQuery } from "./queries-file.js";
import type { BaselineStore } from "./store.js";
import { type CheckOutcome, checkForRegressions, recordBaselines, type WorkflowOptions } from "./workflow.js";

/** Where the hooks raise PERFORMANCE_DEGRADED (a HookExecutor fits). */
export interface AlertSink {
  alert(alert: Alert, payload?: Record<string, unknown>): void;
}

export interface PerformanceHooksOptions extends WorkflowOptions {
  database: Database;
  queries: readonly NamedQuery[];
  store: BaselineStore;
  alerts: AlertSink;
  /** Fail the validate phase on an error-level regression (default false: alert only). */
  failOnRegression?: boolean;
}

/**
 * Built-in hooks that wrap a migration run with a performance check: a baseline of the queries
 * before the first migration executes, a regression check after validation. A regression raises
 * PERFORMANCE_DEGRADED; with `failOnRegression`, an error-level one also fails the phase.
 */
export function createPerformanceHooks(options: PerformanceHooksOptions): AnyHookDefinition[] {
  let baselineRecorded = false;
  const baseline = defineHook({
    name: "performance-baseline",
    phase: HookPhase.BEFORE_EXECUTE,
    description: "record query baselines before the first migration executes",
    // A failing baseline must not stop a migration: it only means no check afterwards.
    errorStrategy: "fail-safe",
    async run() {
      if (baselineRecorded) return { success: true, message: "baseline already recorded in this run" };
      const { baselines } = await recordBaselines(options.database, options.queries, options.store, options);
      baselineRecorded = true;
      return {
        success: true,
        message: `recorded ${baselines.length} baseline(s)`,
        data: { queries: baselines.map((item) => item.queryId) },
      };
    },
  });
  const check = defineHook({
    name: "performance-check",
    phase: HookPhase.AFTER_VALIDATE,
    description: "compare the queries with their baselines after the migrations",
    errorStrategy: options.failOnRegression ? "fail-fast" : "alert-only",
    async run() {
      if (!baselineRecorded) return { success: true, message: "no baseline in this run: nothing to compare" };
      const outcome: CheckOutcome = await checkForRegressions(options.database, options.queries, options.store, options);
      const regressions = outcome.results.filter((result) => result.severity === "warning" || result.severity === "error");
      if (regressions.length > 0) {
        options.alerts.alert(Alert.PERFORMANCE_DEGRADED, {
          worst: outcome.worst,
          regressions: regressions.map((result) => ({
            query: result.queryId,
            severity: result.severity,
            relativeChange: result.relativeChange,
            reason: result.reason,
          })),
        });
      }
      const failed = options.failOnRegression === true && outcome.worst === "error";
      return {
        success: !failed,
        message: failed
          ? "error-level query regression"
          : `checked ${outcome.results.length} query(ies), worst: ${outcome.worst}`,
        data: { worst: outcome.worst },
      };
    },
  });
  return [baseline, check];
}
