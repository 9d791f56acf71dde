import type { HookPhase } from "./events.js";
import type { Alert, StateEvent, hookFailedAlert } from "./events.js";
import type { CircuitState } from "./circuit-breaker.js";
import type { PhaseContextMap } from "./contexts.js";
import type { ExecutionTrace, HookStatus } from "./trace.js";

/** The outcome of one hook in a phase run. `error` is the thrown (or synthesised) error, kept as is. */
export interface HookExecutionResult {
  hook: string;
  status: HookStatus;
  attempts: number;
  durationMs: number;
  error?: Error;
  message?: string;
  data?: unknown;
}

/**
 * The outcome of a phase. `success` is false when the phase must stop the run: a failure under
 * `fail-fast` or an exhausted `retry`, the phase timeout, or a caller abort. Failures under
 * `fail-safe` and `alert-only` are in `results` but leave `success` true.
 */
export interface PhaseResult<P extends HookPhase = HookPhase> {
  phase: P;
  success: boolean;
  results: HookExecutionResult[];
  trace: ExecutionTrace;
  /** The context after the run (changed by hooks only under the `mutable` policy). */
  context: PhaseContextMap[P];
  /** What failed the phase, when it failed. */
  error?: Error;
}

/** A state event as observers receive it. */
export interface StateEventMessage {
  event: StateEvent;
  at: number;
  payload: Record<string, unknown>;
}

/** An alert as observers receive it; `hook_failed` comes from the `alert-only` error strategy. */
export interface AlertMessage {
  alert: Alert | typeof hookFailedAlert;
  at: number;
  payload: Record<string, unknown>;
}

/** The `timing` event, in the shape the SLO monitor reads (`{ operation, durationMs }`). */
export interface HookTimingEvent {
  operation: "hook_execution";
  durationMs: number;
  phase: HookPhase;
  hook: string;
  status: HookStatus;
}

/** Every event of the executor's emitter (eventemitter3), with its listener. */
export type HookExecutorEvents = {
  "phase:start": (event: { phase: HookPhase; hooks: string[] }) => void;
  "phase:end": (result: PhaseResult) => void;
  "hook:start": (event: { phase: HookPhase; hook: string; attempt: number }) => void;
  "hook:retry": (event: { phase: HookPhase; hook: string; attempt: number; delayMs: number; error: Error }) => void;
  "hook:end": (event: { phase: HookPhase; result: HookExecutionResult }) => void;
  breaker: (event: { phase: HookPhase; hook: string; state: CircuitState }) => void;
  timing: (event: HookTimingEvent) => void;
  /** Every state event, whatever its name. */
  state: (message: StateEventMessage) => void;
  /** Every alert, whatever its name. */
  alert: (message: AlertMessage) => void;
} & { [E in StateEvent]: (message: StateEventMessage) => void } & { [A in Alert]: (message: AlertMessage) => void };
