import type { EventEmitter } from "eventemitter3";
import type { Logger } from "pino";
import type { CircuitBreaker } from "./circuit-breaker.js";
import type { Clock } from "./clock.js";
import type { ErrorInfo, HookSqlSession, SqlExecutor } from "./contexts.js";
import type { AnyHookDefinition, HookResult } from "./define-hook.js";
import { HookCancelledError, HookFailedError, HookTimeoutError } from "./errors.js";
import type { HookPhase } from "./events.js";
import { hookFailedAlert } from "./events.js";
import type { HookExecutionResult, HookExecutorEvents } from "./executor-events.js";
import { backoffDelay, type ErrorStrategy, type RetryPolicy } from "./policies.js";
import type { HookStatus, HookTraceRecord } from "./trace.js";

/** Everything one hook execution needs from its phase run. */
export interface HookRunEnvironment {
  phase: HookPhase;
  phaseSignal: AbortSignal;
  /**
   * Calls `listener` when the phase signal fires; returns the unsubscribe function. One listener per
   * phase on the signal itself, and a set of callbacks behind it, is cheaper than an event listener per attempt.
   */
  watchAbort(listener: () => void): () => void;
  clock: Clock;
  logger: Logger;
  events: EventEmitter<HookExecutorEvents>;
  errorStrategy: ErrorStrategy;
  retry: RetryPolicy;
  timeoutMs: number | null;
  breaker: CircuitBreaker | undefined;
  context: unknown;
  /** The hooks this one waited for, for the trace. */
  after: readonly string[];
}

/** A finished (or skipped) execution: what the caller gets and what the tracer keeps. */
export interface HookExecution {
  result: HookExecutionResult;
  record: HookTraceRecord;
}

type AttemptOutcome =
  | { kind: "completed"; value: HookResult | undefined }
  | { kind: "failed"; error: Error }
  | { kind: "timed_out"; error: Error }
  | { kind: "aborted"; error: Error };

/** Turns an error into data a trace can keep (and JSON can carry). */
export function toErrorInfo(error: Error): ErrorInfo {
  const code = (error as { code?: unknown }).code;
  return { name: error.name, message: error.message, ...(typeof code === "string" ? { code } : {}) };
}

function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}

/** Why the phase signal fired, as an error (phase timeout, fail-fast, caller abort). */
export function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new HookCancelledError("phase aborted");
}

function classify(hook: string, value: unknown): AttemptOutcome {
  if (typeof value === "object" && value !== null && (value as HookResult).success === false) {
    return { kind: "failed", error: new HookFailedError(hook, (value as HookResult).message) };
  }
  return { kind: "completed", value: typeof value === "object" && value !== null ? (value as HookResult) : undefined };
}

/**
 * One attempt: runs the hook and stops waiting on the first of its end, its timeout, or the phase
 * signal. Timeouts and phase aborts also abort the hook's own signal so it can stop its work.
 */
function runAttempt(hook: AnyHookDefinition, attempt: number, environment: HookRunEnvironment): Promise<AttemptOutcome> {
  const { phaseSignal, timeoutMs } = environment;
  // The hook's AbortController is made only if the hook reads `signal`: most hooks never do, and it is
  // the largest cost of a dispatch. A signal read after the attempt ended comes back already aborted.
  let controller: AbortController | undefined;
  let abortedWith: Error | undefined;
  const options = {
    attempt,
    logger: environment.logger,
    get signal(): AbortSignal {
      if (controller === undefined) {
        controller = new AbortController();
        if (abortedWith !== undefined) controller.abort(abortedWith);
      }
      return controller.signal;
    },
  };
  return new Promise<AttemptOutcome>((resolve) => {
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unwatch: (() => void) | undefined;
    const started = performance.now();
    const settle = (ended: AttemptOutcome) => {
      if (settled) return;
      settled = true;
      // A hook that blocked the event loop (a synchronous loop, an embedded database's statement) ran
      // past its timeout without the timer firing: it timed out all the same.
      const outcome: AttemptOutcome =
        (ended.kind === "completed" || ended.kind === "failed") && timeoutMs !== null && performance.now() - started > timeoutMs
          ? { kind: "timed_out", error: new HookTimeoutError("hook", timeoutMs, hook.name) }
          : ended;
      if (timer !== undefined) clearTimeout(timer);
      unwatch?.();
      if (outcome.kind === "timed_out" || outcome.kind === "aborted") {
        abortedWith = outcome.error;
        controller?.abort(outcome.error);
      }
      resolve(outcome);
    };
    let returned: unknown;
    try {
      returned = (hook.run as (context: unknown, options: unknown) => unknown)(environment.context, options);
    } catch (error) {
      settle({ kind: "failed", error: asError(error) });
      return;
    }
    if (!(returned instanceof Promise || (typeof returned === "object" && returned !== null && "then" in returned))) {
      // A synchronous hook has already ended: no timer and no abort watch to set up (or tear down).
      settle(classify(hook.name, returned));
      return;
    }
    unwatch = environment.watchAbort(() => settle({ kind: "aborted", error: abortReason(phaseSignal) }));
    if (timeoutMs !== null) {
      timer = setTimeout(
        () => settle({ kind: "timed_out", error: new HookTimeoutError("hook", timeoutMs, hook.name) }),
        timeoutMs,
      );
    }
    (returned as Promise<unknown>).then(
      (value) => settle(classify(hook.name, value)),
      (error: unknown) => settle({ kind: "failed", error: asError(error) }),
    );
  });
}

/** The context's SQL executor when it opens a session per hook (see `SqlExecutor.forHook`). */
function sessionSource(context: unknown): SqlExecutor | undefined {
  if (typeof context !== "object" || context === null) return undefined;
  const sql = (context as { sql?: SqlExecutor }).sql;
  return typeof sql?.forHook === "function" ? sql : undefined;
}

/**
 * The context with `sql` replaced by the hook's own session executor. A frozen (immutable) context
 * gets a frozen shallow copy; any other view is wrapped so that the hook's writes still reach it.
 */
function withSql(context: object, executor: SqlExecutor): unknown {
  if (Object.isFrozen(context)) return Object.freeze({ ...context, sql: executor });
  return new Proxy(context, {
    get: (target, key, receiver) => (key === "sql" ? executor : Reflect.get(target, key, receiver)),
  });
}

/**
 * Ends a hook's SQL session: its SQL is stopped, its executor revoked and its savepoint released or
 * rolled back before the attempt's outcome counts. A session that cannot end cleanly fails the attempt.
 */
async function endSession(session: HookSqlSession, outcome: AttemptOutcome): Promise<AttemptOutcome> {
  try {
    await session.end(outcome.kind === "completed");
    return outcome;
  } catch (error) {
    return outcome.kind === "completed" ? { kind: "failed", error: asError(error) } : outcome;
  }
}

/** Waits `ms`, or less if the signal fires; says whether the wait ran to its end. */
function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/** A record for a hook whose execution broke inside the executor itself (a throwing event listener). */
export function brokenExecution(
  hook: string,
  startedAt: number,
  endedAt: number,
  error: Error,
  after: readonly string[],
): HookExecution {
  const durationMs = endedAt - startedAt;
  return {
    result: { hook, status: "failed", attempts: 1, durationMs, error },
    record: { hook, status: "failed", attempts: 1, startedAt, endedAt, durationMs, error: toErrorInfo(error), after },
  };
}

/** A record for a hook that never started. */
export function skippedExecution(hook: string, at: number, reason: Error, after: readonly string[]): HookExecution {
  return {
    result: { hook, status: "skipped", attempts: 0, durationMs: 0, error: reason },
    record: {
      hook,
      status: "skipped",
      attempts: 0,
      startedAt: at,
      endedAt: at,
      durationMs: 0,
      error: toErrorInfo(reason),
      after,
    },
  };
}

function finalStatus(outcome: AttemptOutcome): HookStatus {
  if (outcome.kind === "aborted") {
    return HookTimeoutError.isInstance(outcome.error) && outcome.error.scope === "phase" ? "timed_out" : "cancelled";
  }
  return outcome.kind;
}

/**
 * Executes one hook: breaker check, attempts (several under `retry`, with backoff), timeouts,
 * breaker verdict, `alert-only` alert, and the `timing` event.
 */
export async function executeHook(hook: AnyHookDefinition, environment: HookRunEnvironment): Promise<HookExecution> {
  const { clock, events, phase, breaker, phaseSignal } = environment;
  if (phaseSignal.aborted) return skippedExecution(hook.name, clock.now(), abortReason(phaseSignal), environment.after);
  if (breaker !== undefined && !breaker.tryAcquire()) {
    return skippedExecution(
      hook.name,
      clock.now(),
      new HookCancelledError(`circuit open for hook "${hook.name}"`),
      environment.after,
    );
  }
  const maxAttempts = environment.errorStrategy === "retry" ? environment.retry.maxAttempts : 1;
  const startedAt = clock.now();
  let attempt = 0;
  let outcome: AttemptOutcome;
  for (;;) {
    attempt += 1;
    if (events.listenerCount("hook:start") > 0) events.emit("hook:start", { phase, hook: hook.name, attempt });
    const session = sessionSource(environment.context)?.forHook?.(hook.name);
    if (session === undefined) outcome = await runAttempt(hook, attempt, environment);
    else {
      const context = withSql(environment.context as object, session.executor);
      outcome = await endSession(session, await runAttempt(hook, attempt, { ...environment, context }));
    }
    if (outcome.kind === "completed" || outcome.kind === "aborted" || attempt >= maxAttempts) break;
    const delayMs = backoffDelay(attempt, environment.retry);
    environment.logger.warn({ attempt, delayMs, error: outcome.error.message }, "hook attempt failed; retrying");
    events.emit("hook:retry", { phase, hook: hook.name, attempt, delayMs, error: outcome.error });
    if (!(await pause(delayMs, phaseSignal))) {
      outcome = { kind: "aborted", error: abortReason(phaseSignal) };
      break;
    }
  }
  const endedAt = clock.now();
  const durationMs = endedAt - startedAt;
  const status = finalStatus(outcome);
  if (breaker !== undefined) {
    if (status === "completed") breaker.recordSuccess();
    else if (status === "cancelled") breaker.release();
    else breaker.recordFailure();
  }
  const error = outcome.kind === "completed" ? undefined : outcome.error;
  const value = outcome.kind === "completed" ? outcome.value : undefined;
  const result: HookExecutionResult = { hook: hook.name, status, attempts: attempt, durationMs };
  if (error !== undefined) result.error = error;
  if (value?.message !== undefined) result.message = value.message;
  if (value?.data !== undefined) result.data = value.data;
  if (error !== undefined && status !== "cancelled") {
    environment.logger.error({ status, attempts: attempt, error: error.message }, "hook failed");
    if (environment.errorStrategy === "alert-only") {
      events.emit("alert", {
        alert: hookFailedAlert,
        at: endedAt,
        payload: { phase, hook: hook.name, status, error: error.message },
      });
    }
  }
  if (events.listenerCount("timing") > 0)
    events.emit("timing", { operation: "hook_execution", durationMs, phase, hook: hook.name, status });
  const record: HookTraceRecord = {
    hook: hook.name,
    status,
    attempts: attempt,
    startedAt,
    endedAt,
    durationMs,
    after: environment.after,
  };
  if (error !== undefined) record.error = toErrorInfo(error);
  return { result, record };
}
