import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { defineHook } from "./define-hook.js";
import { HookTimeoutError } from "./errors.js";
import { HookPhase } from "./events.js";
import { HookExecutor } from "./executor.js";

const phase = HookPhase.BEFORE_EXECUTE;
const context = { migration: { version: "20240101", name: "init" } };
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("timeouts", () => {
  it("stops waiting for a hook that hangs and aborts its signal", async () => {
    const target = new HookExecutor({ clock: { now: () => Date.now() }, defaults: { hookTimeoutMs: 50, timeoutMs: null } });
    let signal: AbortSignal | undefined;
    target.register(
      defineHook({
        name: "hangs",
        phase,
        run: (_context, options) => {
          signal = options.signal;
          return new Promise(() => undefined);
        },
      }),
    );
    const promise = target.runPhase(phase, context);
    await vi.advanceTimersByTimeAsync(49);
    expect(signal?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const result = await promise;
    expect(signal?.aborted).toBe(true);
    expect(HookTimeoutError.isInstance(signal?.reason)).toBe(true);
    expect(result.success).toBe(false);
    expect(result.results[0]).toMatchObject({ hook: "hangs", status: "timed_out", durationMs: 50 });
  });

  it("uses a hook's own timeout over the phase's", async () => {
    const target = new HookExecutor({ clock: { now: () => Date.now() }, defaults: { hookTimeoutMs: 10, timeoutMs: null } });
    target.register(defineHook({ name: "patient", phase, timeoutMs: 100, run: () => sleep(50) }));
    const promise = target.runPhase(phase, context);
    await vi.advanceTimersByTimeAsync(100);
    expect((await promise).results[0]?.status).toBe("completed");
  });

  it("ends the phase at its timeout: the running hook times out, the rest never start", async () => {
    const target = new HookExecutor({ clock: { now: () => Date.now() }, defaults: { hookTimeoutMs: null, timeoutMs: 30 } });
    let aborted = false;
    target.register(defineHook({ name: "quick", phase, run: () => sleep(10) }));
    target.register(
      defineHook({
        name: "slow",
        phase,
        run: (_context, { signal }) =>
          new Promise<void>((resolve) => {
            signal.addEventListener("abort", () => {
              aborted = true;
            });
            setTimeout(resolve, 1000);
          }),
      }),
    );
    target.register(defineHook({ name: "never", phase, run: () => undefined }));
    const promise = target.runPhase(phase, context);
    await vi.advanceTimersByTimeAsync(30);
    const result = await promise;
    expect(aborted).toBe(true);
    expect(result.success).toBe(false);
    expect(HookTimeoutError.isInstance(result.error) && result.error.scope).toBe("phase");
    expect(result.results.map((entry) => entry.status)).toEqual(["completed", "timed_out", "skipped"]);
    expect(result.trace.durationMs).toBe(30);
  });

  it("treats a timed-out attempt as a failure the retry strategy retries", async () => {
    const target = new HookExecutor({
      clock: { now: () => Date.now() },
      defaults: { hookTimeoutMs: 20, timeoutMs: null, errorStrategy: "retry", retry: { initialDelayMs: 5 } },
    });
    target.register(
      defineHook({ name: "slow-then-fast", phase, run: (_context, { attempt }) => sleep(attempt === 1 ? 100 : 1) }),
    );
    const promise = target.runPhase(phase, context);
    await vi.advanceTimersByTimeAsync(200);
    expect((await promise).results[0]).toMatchObject({ status: "completed", attempts: 2 });
  });

  it("cancels the phase when the caller aborts", async () => {
    const target = new HookExecutor({ defaults: { hookTimeoutMs: null, timeoutMs: null } });
    target.register(defineHook({ name: "waits", phase, run: () => sleep(1000) }));
    const controller = new AbortController();
    const promise = target.runPhase(phase, context, { signal: controller.signal });
    await vi.advanceTimersByTimeAsync(5);
    controller.abort();
    const result = await promise;
    expect(result.success).toBe(false);
    expect(result.results[0]?.status).toBe("cancelled");
  });
});
