import { HookCancelledError, HookTimeoutError } from "./errors.js";
import type { HookPhase } from "./events.js";

/** The abort plumbing of one phase run: one signal that the phase timeout, the caller and fail-fast can fire. */
export interface PhaseAbort {
  signal: AbortSignal;
  abort(reason: Error): void;
  /** Calls `listener` when the phase aborts; returns the unsubscribe function. */
  watch(listener: () => void): () => void;
  /** Clears the timer and the caller's listener once the phase has ended. */
  dispose(): void;
}

/**
 * Creates the phase signal, wired to the caller's signal and the phase timeout. Hooks subscribe
 * through `watch` (a set behind one event listener), which is cheaper than a listener per attempt.
 */
export function phaseAbort(phase: HookPhase, timeoutMs: number | null, callerSignal: AbortSignal | undefined): PhaseAbort {
  const controller = new AbortController();
  const watchers = new Set<() => void>();
  controller.signal.addEventListener("abort", () => {
    for (const watcher of [...watchers]) watcher();
  });
  const abort = (reason: Error) => {
    if (!controller.signal.aborted) controller.abort(reason);
  };
  const onCallerAbort = () =>
    abort(new HookCancelledError(`phase "${phase}" aborted by the caller`, { cause: callerSignal?.reason }));
  if (callerSignal?.aborted) onCallerAbort();
  callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
  const timer =
    timeoutMs === null ? undefined : setTimeout(() => abort(new HookTimeoutError("phase", timeoutMs, phase)), timeoutMs);
  return {
    signal: controller.signal,
    abort,
    watch(listener) {
      watchers.add(listener);
      return () => void watchers.delete(listener);
    },
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      callerSignal?.removeEventListener("abort", onCallerAbort);
    },
  };
}
