import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { defineHook } from "./define-hook.js";
import { HookFailedError } from "./errors.js";
import { HookPhase } from "./events.js";
import { HookExecutor } from "./executor.js";
import type { AlertMessage } from "./executor-events.js";
import { backoffDelay, defaultPhaseConfig, type PhaseConfigInput } from "./policies.js";

const phase = HookPhase.AFTER_EXECUTE;
const context = { migration: { version: "20240101", name: "init" } };
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function executor(config: PhaseConfigInput = {}) {
  return new HookExecutor({ clock: { now: () => Date.now() }, defaults: { timeoutMs: null, hookTimeoutMs: null, ...config } });
}

async function run(target: HookExecutor, timeMs = 60_000) {
  const promise = target.runPhase(phase, context);
  await vi.advanceTimersByTimeAsync(timeMs);
  return promise;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("hook results", () => {
  it("counts { success: false } as a failure and nothing returned as a success", async () => {
    const target = executor({ errorStrategy: "fail-safe" });
    target.register(defineHook({ name: "quiet", phase, run: () => undefined }));
    target.register(defineHook({ name: "says-no", phase, run: () => ({ success: false, message: "replica lag too high" }) }));
    target.register(
      defineHook({ name: "says-yes", phase, run: async () => ({ success: true, message: "ok", data: { rows: 3 } }) }),
    );
    const result = await run(target);
    const [quiet, saysNo, saysYes] = result.results;
    expect(quiet?.status).toBe("completed");
    expect(saysNo?.status).toBe("failed");
    expect(HookFailedError.isInstance(saysNo?.error)).toBe(true);
    expect(saysNo?.error?.message).toContain("replica lag too high");
    expect(saysYes).toMatchObject({ status: "completed", message: "ok", data: { rows: 3 } });
  });
});

describe("fail-fast", () => {
  it("fails the phase, aborts the hooks still running, and never starts the rest", async () => {
    const target = executor({ strategy: "parallel", concurrency: 2, errorStrategy: "fail-fast" });
    let slowSignal: AbortSignal | undefined;
    let lateStarted = false;
    target.register(
      defineHook({
        name: "slow",
        phase,
        run: (_context, { signal }) => {
          slowSignal = signal;
          return new Promise(() => undefined);
        },
      }),
    );
    target.register(defineHook({ name: "broken", phase, run: () => sleep(5).then(() => Promise.reject(new Error("boom"))) }));
    target.register(
      defineHook({
        name: "late",
        phase,
        run: () => {
          lateStarted = true;
        },
      }),
    );
    const result = await run(target);
    expect(result.success).toBe(false);
    expect(result.error?.message).toBe("boom");
    expect(slowSignal?.aborted).toBe(true);
    expect(lateStarted).toBe(false);
    expect(result.results.map((entry) => [entry.hook, entry.status])).toEqual([
      ["slow", "cancelled"],
      ["broken", "failed"],
      ["late", "skipped"],
    ]);
  });

  it("stops a sequential phase at the first failure", async () => {
    const target = executor({ errorStrategy: "fail-fast" });
    const ran: string[] = [];
    target.register(defineHook({ name: "one", phase, run: () => void ran.push("one") }));
    target.register(defineHook({ name: "two", phase, run: () => ({ success: false }) }));
    target.register(defineHook({ name: "three", phase, run: () => void ran.push("three") }));
    const result = await run(target);
    expect(ran).toEqual(["one"]);
    expect(result.success).toBe(false);
    expect(result.results.map((entry) => entry.status)).toEqual(["completed", "failed", "skipped"]);
  });

  it("lets one hook opt out with its own error strategy", async () => {
    const target = executor({ errorStrategy: "fail-fast" });
    target.register(defineHook({ name: "notify", phase, errorStrategy: "fail-safe", run: () => ({ success: false }) }));
    target.register(defineHook({ name: "next", phase, run: () => undefined }));
    const result = await run(target);
    expect(result.success).toBe(true);
    expect(result.results.map((entry) => entry.status)).toEqual(["failed", "completed"]);
  });
});

describe("observers", () => {
  it("a throwing listener fails the hook instead of leaving the phase hanging", async () => {
    const target = executor({ strategy: "dag", errorStrategy: "fail-safe" });
    target.on("hook:start", (event) => {
      if (event.hook === "watched") throw new Error("listener broke");
    });
    target.register(defineHook({ name: "watched", phase, run: () => undefined }));
    target.register(defineHook({ name: "other", phase, run: () => undefined }));
    const result = await run(target);
    expect(result.results.map((entry) => [entry.hook, entry.status, entry.error?.message])).toEqual([
      ["watched", "failed", "listener broke"],
      ["other", "completed", undefined],
    ]);
  });
});

describe("fail-safe", () => {
  it("records the failure and runs every other hook", async () => {
    const target = executor({ errorStrategy: "fail-safe" });
    target.register(defineHook({ name: "a", phase, run: () => Promise.reject(new Error("a broke")) }));
    target.register(defineHook({ name: "b", phase, run: () => undefined }));
    const result = await run(target);
    expect(result.success).toBe(true);
    expect(result.results.map((entry) => entry.status)).toEqual(["failed", "completed"]);
    expect(result.trace.records[0]?.error).toMatchObject({ name: "Error", message: "a broke" });
  });
});

describe("retry", () => {
  it("computes exponential backoff with a cap", () => {
    const policy = { ...defaultPhaseConfig.retry, maxDelayMs: 500 };
    expect([1, 2, 3, 4, 5].map((attempt) => backoffDelay(attempt, policy))).toEqual([100, 200, 400, 500, 500]);
    expect(defaultPhaseConfig.retry).toEqual({ maxAttempts: 3, initialDelayMs: 100, factor: 2, maxDelayMs: 30_000 });
  });

  it("retries a hook that throws on its first two attempts, then succeeds on the third", async () => {
    const target = executor({ errorStrategy: "retry" });
    const attempts: Array<{ attempt: number; at: number }> = [];
    const retries: number[] = [];
    target.on("hook:retry", (event) => retries.push(event.delayMs));
    const t0 = Date.now();
    target.register(
      defineHook({
        name: "flaky",
        phase,
        run: (_context, { attempt }) => {
          attempts.push({ attempt, at: Date.now() - t0 });
          if (attempt < 3) throw new Error(`attempt ${attempt} failed`);
          return { success: true };
        },
      }),
    );
    const result = await run(target);
    expect(result.success).toBe(true);
    expect(result.results[0]).toMatchObject({ status: "completed", attempts: 3 });
    expect(retries).toEqual([100, 200]);
    expect(attempts).toEqual([
      { attempt: 1, at: 0 },
      { attempt: 2, at: 100 },
      { attempt: 3, at: 300 },
    ]);
  });

  it("fails the phase when the attempts run out, with the configured policy", async () => {
    const target = executor({ errorStrategy: "retry", retry: { maxAttempts: 4, initialDelayMs: 10, factor: 3 } });
    let calls = 0;
    target.register(
      defineHook({
        name: "down",
        phase,
        run: () => {
          calls += 1;
          return { success: false };
        },
      }),
    );
    target.register(defineHook({ name: "after", phase, run: () => undefined }));
    const result = await run(target);
    expect(calls).toBe(4);
    expect(result.success).toBe(false);
    expect(result.results.map((entry) => [entry.status, entry.attempts])).toEqual([
      ["failed", 4],
      ["skipped", 0],
    ]);
    // 10 + 30 + 90 ms of backoff.
    expect(result.results[0]?.durationMs).toBe(130);
  });
});

describe("alert-only", () => {
  it("continues and raises a hook_failed alert", async () => {
    const target = executor({ errorStrategy: "alert-only" });
    const alerts: AlertMessage[] = [];
    target.on("alert", (message) => alerts.push(message));
    target.register(defineHook({ name: "audit", phase, run: () => ({ success: false, message: "ledger unreachable" }) }));
    target.register(defineHook({ name: "next", phase, run: () => undefined }));
    const result = await run(target);
    expect(result.success).toBe(true);
    expect(result.results.map((entry) => entry.status)).toEqual(["failed", "completed"]);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ alert: "hook_failed", payload: { phase, hook: "audit", status: "failed" } });
  });
});
