import { describe, expect, it } from "vitest";
import { CircuitBreaker, type CircuitState } from "./circuit-breaker.js";
import { defineHook } from "./define-hook.js";
import { HookPhase } from "./events.js";
import { HookExecutor } from "./executor.js";

/** A clock that only moves when the test says so. */
function manualClock(start = 0) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe("CircuitBreaker", () => {
  it("opens after 5 consecutive failures, probes once after 60 s, and closes on success", () => {
    const clock = manualClock();
    const changes: CircuitState[] = [];
    const breaker = new CircuitBreaker({}, clock, (state) => changes.push(state));
    for (let index = 0; index < 4; index += 1) {
      expect(breaker.tryAcquire()).toBe(true);
      breaker.recordFailure();
    }
    expect(breaker.state).toBe("closed");
    breaker.recordFailure();
    expect(breaker.state).toBe("open");
    expect(breaker.tryAcquire()).toBe(false);
    clock.advance(59_999);
    expect(breaker.tryAcquire()).toBe(false);
    clock.advance(1);
    expect(breaker.state).toBe("half-open");
    expect(breaker.tryAcquire()).toBe(true);
    // Only one probe at a time.
    expect(breaker.tryAcquire()).toBe(false);
    breaker.recordSuccess();
    expect(breaker.state).toBe("closed");
    expect(breaker.consecutiveFailures).toBe(0);
    expect(changes).toEqual(["open", "half-open", "closed"]);
  });

  it("re-opens when the probe fails, for another full recovery time", () => {
    const clock = manualClock();
    const breaker = new CircuitBreaker({ failureThreshold: 2, recoveryTimeMs: 1000 }, clock);
    breaker.recordFailure();
    breaker.recordFailure();
    clock.advance(1000);
    expect(breaker.tryAcquire()).toBe(true);
    breaker.recordFailure();
    expect(breaker.state).toBe("open");
    clock.advance(999);
    expect(breaker.tryAcquire()).toBe(false);
    clock.advance(1);
    expect(breaker.tryAcquire()).toBe(true);
  });

  it("resets the count on a success in between", () => {
    const breaker = new CircuitBreaker({ failureThreshold: 2 }, manualClock());
    breaker.recordFailure();
    breaker.recordSuccess();
    breaker.recordFailure();
    expect(breaker.state).toBe("closed");
  });
});

describe("breakers in the executor", () => {
  it("skips a hook whose breaker is open, records the skip, then probes and closes", async () => {
    const clock = manualClock(1_000_000);
    const target = new HookExecutor({ clock, defaults: { errorStrategy: "fail-safe", timeoutMs: null, hookTimeoutMs: null } });
    let healthy = false;
    let calls = 0;
    const breakerEvents: CircuitState[] = [];
    target.on("breaker", (event) => breakerEvents.push(event.state));
    target.register(
      defineHook({
        name: "metrics-push",
        phase: HookPhase.AFTER_VALIDATE,
        run: () => {
          calls += 1;
          return { success: healthy };
        },
      }),
    );
    const runOnce = () => target.runPhase(HookPhase.AFTER_VALIDATE, { migrations: [] });
    for (let index = 0; index < 5; index += 1) expect((await runOnce()).results[0]?.status).toBe("failed");
    expect(target.breakerState(HookPhase.AFTER_VALIDATE, "metrics-push")).toBe("open");

    const skipped = await runOnce();
    expect(calls).toBe(5);
    expect(skipped.results[0]).toMatchObject({ status: "skipped", attempts: 0 });
    expect(skipped.results[0]?.error?.message).toMatch(/circuit open/);
    expect(skipped.trace.records[0]?.status).toBe("skipped");

    clock.advance(60_000);
    healthy = true;
    const probe = await runOnce();
    expect(calls).toBe(6);
    expect(probe.results[0]?.status).toBe("completed");
    expect(target.breakerState(HookPhase.AFTER_VALIDATE, "metrics-push")).toBe("closed");
    expect(breakerEvents).toEqual(["open", "half-open", "closed"]);
  });

  it("can be turned off", async () => {
    const target = new HookExecutor({ circuitBreaker: false, defaults: { errorStrategy: "fail-safe" } });
    let calls = 0;
    target.register(
      defineHook({
        name: "always-fails",
        phase: HookPhase.AFTER_VALIDATE,
        run: () => {
          calls += 1;
          return { success: false };
        },
      }),
    );
    for (let index = 0; index < 7; index += 1) await target.runPhase(HookPhase.AFTER_VALIDATE, { migrations: [] });
    expect(calls).toBe(7);
  });
});
