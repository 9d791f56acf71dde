import type { Logger } from "pino";
import type { PhaseContextMap } from "./contexts.js";
import type { HookPhase } from "./events.js";
import type { ErrorStrategy, RetryPolicy } from "./policies.js";

/** What a hook may return. `{ success: false }` is a failure; returning nothing is a success. */
export interface HookResult {
  success: boolean;
  message?: string;
  data?: unknown;
}

/** The second argument of `run`: abort signal (timeouts, fail-fast), attempt number (1-based), logger. */
export interface HookRunOptions {
  signal: AbortSignal;
  attempt: number;
  logger: Logger;
}

/** What `run` may return. */
// biome-ignore lint/suspicious/noConfusingVoidType: a hook that returns nothing (void) has succeeded.
export type HookReturn = HookResult | undefined | void;

/** Where a hook comes from; `hooks list` shows it. */
export type HookKind = "function" | "module" | "sql" | "shell" | "webhook";

/**
 * A hook of phase `P`. `run` is declared as a property (not a method) so that its parameter is
 * checked strictly: a hook written for another phase's context does not compile.
 */
export interface HookDefinition<P extends HookPhase = HookPhase> {
  /** Unique within its phase; `dependsOn` refers to it. */
  name: string;
  phase: P;
  description?: string;
  /** Lower runs first (sequential order, ready-queue order of parallel and DAG runs). Default 0; ties keep registration order. */
  priority?: number;
  /** Names of hooks of the same phase that must complete first (the `dag` strategy). */
  dependsOn?: readonly string[];
  /** Per attempt; overrides the phase's `hookTimeoutMs`. */
  timeoutMs?: number;
  /** Overrides the phase's error strategy for this hook (e.g. a notification that must never stop a run). */
  errorStrategy?: ErrorStrategy;
  /** Overrides fields of the phase's retry policy. */
  retry?: Partial<RetryPolicy>;
  /**
   * Where the migration runner fires it in the execute phases: `inside` the migration's transaction
   * (before_execute after BEGIN, after_execute before COMMIT; its SQL is undone with the migration)
   * or `outside` it on an autocommit connection of its own (before_execute before BEGIN,
   * after_execute after COMMIT and only when the migration was applied). Default: `outside` for
   * webhooks (the network must not hold the migration's locks), `inside` for every other kind.
   * The other phases never run inside a migration's transaction. See `hookTransaction`.
   */
  transaction?: HookTransaction;
  kind?: HookKind;
  run: (context: PhaseContextMap[P], options: HookRunOptions) => HookReturn | Promise<HookReturn>;
}

/** Where a hook runs relative to the migration's transaction (see `HookDefinition.transaction`). */
export type HookTransaction = "inside" | "outside";

/** Where a hook runs: its `transaction`, else `outside` for webhooks and `inside` for the rest. */
export function hookTransaction(hook: { transaction?: HookTransaction; kind?: HookKind }): HookTransaction {
  return hook.transaction ?? (hook.kind === "webhook" ? "outside" : "inside");
}

/** A hook of any phase (the union over phases, so each member keeps its own context type). */
export type AnyHookDefinition = { [P in HookPhase]: HookDefinition<P> }[HookPhase];

/**
 * Defines a hook; the phase types the context:
 * `defineHook({ name: "grant", phase: HookPhase.AFTER_EXECUTE, run(context) { context.migration.version } })`.
 */
export function defineHook<P extends HookPhase>(hook: HookDefinition<P>): HookDefinition<P> {
  return hook;
}
