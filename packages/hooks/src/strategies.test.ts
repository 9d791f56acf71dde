import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { defineHook } from "./define-hook.js";
import { HookGraphError } from "./errors.js";
import { HookPhase } from "./events.js";
import { HookExecutor } from "./executor.js";
import type { PhaseConfigInput } from "./policies.js";

const phase = HookPhase.BEFORE_EXECUTE;
const context = { migration: { version: "20240101", name: "init" } };
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** An executor on the fake clock, with no timeouts unless a test sets them. */
function executor(config: PhaseConfigInput = {}) {
  return new HookExecutor({ clock: { now: () => Date.now() }, defaults: { timeoutMs: null, hookTimeoutMs: null, ...config } });
}

/** Runs a phase while advancing fake time until it settles. */
async function run(target: HookExecutor, timeMs = 10_000) {
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

describe("sequential", () => {
  it("runs hooks one at a time in priority order, keeping registration order for ties", async () => {
    const events: string[] = [];
    const target = executor({ strategy: "sequential" });
    const hook = (name: string, priority: number, ms: number) =>
      defineHook({
        name,
        phase,
        priority,
        run: async () => {
          events.push(`start ${name}`);
          await sleep(ms);
          events.push(`end ${name}`);
        },
      });
    target
      .register(hook("late", 10, 5))
      .register(hook("tie-1", 1, 20))
      .register(hook("first", 0, 1))
      .register(hook("tie-2", 1, 1));
    const result = await run(target);
    expect(result.success).toBe(true);
    expect(events).toEqual([
      "start first",
      "end first",
      "start tie-1",
      "end tie-1",
      "start tie-2",
      "end tie-2",
      "start late",
      "end late",
    ]);
    expect(result.results.map((entry) => entry.status)).toEqual(["completed", "completed", "completed", "completed"]);
  });
});

describe("parallel", () => {
  it("runs hooks at the same time, never more than the concurrency limit", async () => {
    const target = executor({ strategy: "parallel", concurrency: 2 });
    let running = 0;
    let peak = 0;
    for (const name of ["a", "b", "c", "d", "e"]) {
      target.register(
        defineHook({
          name,
          phase,
          run: async () => {
            running += 1;
            peak = Math.max(peak, running);
            await sleep(10);
            running -= 1;
          },
        }),
      );
    }
    const result = await run(target);
    expect(result.success).toBe(true);
    expect(peak).toBe(2);
    // Five hooks of 10 ms, two at a time: three waves.
    expect(result.trace.durationMs).toBe(30);
  });

  it("runs all hooks at once when the limit allows it", async () => {
    const target = executor({ strategy: "parallel", concurrency: 10 });
    for (const name of ["a", "b", "c"]) target.register(defineHook({ name, phase, run: () => sleep(10) }));
    const result = await run(target);
    expect(result.trace.records.map((record) => record.startedAt - result.trace.startedAt)).toEqual([0, 0, 0]);
    expect(result.trace.durationMs).toBe(10);
  });
});

describe("dag", () => {
  it("runs a diamond: the two branches in parallel, the join after both", async () => {
    const target = executor({ strategy: "dag" });
    const log: string[] = [];
    const hook = (name: string, ms: number, dependsOn: string[] = []) =>
      defineHook({
        name,
        phase,
        dependsOn,
        run: async () => {
          log.push(`start ${name}@${Date.now()}`);
          await sleep(ms);
          log.push(`end ${name}@${Date.now()}`);
        },
      });
    const t0 = Date.now();
    // Registered out of order on purpose: the order comes from the graph, not from registration.
    target
      .register(hook("join", 5, ["left", "right"]))
      .register(hook("left", 30, ["root"]))
      .register(hook("right", 10, ["root"]));
    target.register(hook("root", 10));
    const result = await run(target);
    expect(result.success).toBe(true);
    const relative = log.map((entry) => entry.replace(/@(\d+)/, (_, time: string) => `@${Number(time) - t0}`));
    expect(relative).toEqual([
      "start root@0",
      "end root@10",
      "start left@10",
      "start right@10",
      "end right@20",
      "end left@40",
      "start join@40",
      "end join@45",
    ]);
    expect(target.plan(phase).hooks.map((entry) => entry.name)).toEqual(["root", "left", "right", "join"]);
  });

  it("rejects a cycle and names it", async () => {
    const target = executor({ strategy: "dag" });
    target.register(defineHook({ name: "a", phase, dependsOn: ["c"], run: () => undefined }));
    target.register(defineHook({ name: "b", phase, dependsOn: ["a"], run: () => undefined }));
    target.register(defineHook({ name: "c", phase, dependsOn: ["b"], run: () => undefined }));
    target.register(defineHook({ name: "free", phase, run: () => undefined }));
    const error = await target.runPhase(phase, context).catch((caught: unknown) => caught);
    expect(HookGraphError.isInstance(error)).toBe(true);
    const cycle = (error as HookGraphError).detail.cycle ?? [];
    expect(cycle[0]).toBe(cycle.at(-1));
    expect(new Set(cycle)).toEqual(new Set(["a", "b", "c"]));
    expect((error as Error).message).toMatch(/dependency cycle in phase "before_execute": \w -> \w -> \w -> \w/);
  });

  it("rejects a missing dependency and names it", () => {
    const target = executor({ strategy: "dag" });
    target.register(defineHook({ name: "grant", phase, dependsOn: ["create-role"], run: () => undefined }));
    expect(() => target.plan(phase)).toThrowError(
      /hook "grant" depends on "create-role", which is not registered in phase "before_execute"/,
    );
  });

  it("skips the dependents of a hook that did not complete, and runs the other branch", async () => {
    const target = executor({ strategy: "dag", errorStrategy: "fail-safe" });
    const ran: string[] = [];
    target.register(defineHook({ name: "root", phase, run: () => ({ success: false, message: "nope" }) }));
    target.register(defineHook({ name: "child", phase, dependsOn: ["root"], run: () => void ran.push("child") }));
    target.register(defineHook({ name: "grandchild", phase, dependsOn: ["child"], run: () => void ran.push("grandchild") }));
    target.register(defineHook({ name: "other", phase, run: () => void ran.push("other") }));
    const result = await run(target);
    expect(ran).toEqual(["other"]);
    const byName = Object.fromEntries(result.results.map((entry) => [entry.hook, entry]));
    expect(byName.root?.status).toBe("failed");
    expect(byName.child?.status).toBe("skipped");
    expect(byName.child?.error?.message).toMatch(/dependency "root"/);
    expect(byName.grandchild?.status).toBe("skipped");
    expect(result.success).toBe(true);
  });

  it("respects the concurrency limit across independent branches", async () => {
    const target = executor({ strategy: "dag", concurrency: 1 });
    for (const name of ["a", "b", "c"]) target.register(defineHook({ name, phase, run: () => sleep(10) }));
    const result = await run(target);
    expect(result.trace.durationMs).toBe(30);
  });
});
