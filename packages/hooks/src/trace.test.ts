import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { defineHook } from "./define-hook.js";
import { HookPhase } from "./events.js";
import { HookExecutor } from "./executor.js";
import type { HookTimingEvent } from "./executor-events.js";
import { planGraph, toDot, toMermaid, traceGraph } from "./graph-export.js";
import type { ExecutionStrategy } from "./policies.js";
import { criticalPath, type ExecutionTrace, Tracer } from "./trace.js";

const phase = HookPhase.AFTER_PLAN_MIGRATION;
const context = { migrations: [{ version: "1", name: "init" }], riskAssessment: { score: 12, level: "low" as const } };
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Registers hooks of known durations and runs them with the strategy, on fake time. */
async function traced(strategy: ExecutionStrategy, hooks: Array<[name: string, ms: number, dependsOn?: string[]]>) {
  const target = new HookExecutor({
    clock: { now: () => Date.now() },
    defaults: { strategy, timeoutMs: null, hookTimeoutMs: null },
  });
  for (const [name, ms, dependsOn] of hooks) target.register(defineHook({ name, phase, dependsOn, run: () => sleep(ms) }));
  const promise = target.runPhase(phase, context);
  await vi.advanceTimersByTimeAsync(10_000);
  return { result: await promise, target };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("critical path", () => {
  it("is the chain of all hooks in a sequential run", async () => {
    const { result } = await traced("sequential", [
      ["a", 10],
      ["b", 20],
      ["c", 5],
    ]);
    expect(criticalPath(result.trace)).toEqual({ hooks: ["a", "b", "c"], durationMs: 35 });
  });

  it("is the longest single hook in a parallel run", async () => {
    const { result } = await traced("parallel", [
      ["a", 10],
      ["b", 40],
      ["c", 25],
    ]);
    expect(criticalPath(result.trace)).toEqual({ hooks: ["b"], durationMs: 40 });
  });

  it("follows the dependencies of a DAG run", async () => {
    const { result } = await traced("dag", [
      ["root", 10],
      ["fast", 5, ["root"]],
      ["slow", 50, ["root"]],
      ["join", 10, ["fast", "slow"]],
      ["side", 30],
    ]);
    expect(criticalPath(result.trace)).toEqual({ hooks: ["root", "slow", "join"], durationMs: 70 });
    expect(result.trace.durationMs).toBe(70);
  });

  it("only goes through hooks that ran", () => {
    const record = (hook: string, durationMs: number, status: "completed" | "skipped", after: string[] = []) => ({
      hook,
      status,
      attempts: status === "skipped" ? 0 : 1,
      startedAt: 0,
      endedAt: durationMs,
      durationMs,
      after,
    });
    const trace: ExecutionTrace = {
      phase,
      strategy: "dag",
      startedAt: 0,
      endedAt: 100,
      durationMs: 100,
      records: [record("a", 10, "completed"), record("b", 0, "skipped", ["a"]), record("c", 15, "completed")],
    };
    expect(criticalPath(trace)).toEqual({ hooks: ["c"], durationMs: 15 });
    expect(criticalPath({ ...trace, records: [] })).toEqual({ hooks: [], durationMs: 0 });
  });
});

describe("trace", () => {
  it("records start, end, status and attempts of every hook, and emits a timing event per execution", async () => {
    const target = new HookExecutor({
      clock: { now: () => Date.now() },
      defaults: { errorStrategy: "fail-safe", timeoutMs: null },
    });
    const timings: HookTimingEvent[] = [];
    target.on("timing", (event) => timings.push(event));
    target.register(defineHook({ name: "ok", phase, run: () => sleep(7) }));
    target.register(defineHook({ name: "bad", phase, run: () => Promise.reject(new TypeError("nope")) }));
    const t0 = Date.now();
    const promise = target.runPhase(phase, context);
    await vi.advanceTimersByTimeAsync(100);
    const { trace } = await promise;
    expect(
      trace.records.map(({ hook, status, attempts, startedAt, endedAt }) => ({
        hook,
        status,
        attempts,
        startedAt: startedAt - t0,
        endedAt: endedAt - t0,
      })),
    ).toEqual([
      { hook: "ok", status: "completed", attempts: 1, startedAt: 0, endedAt: 7 },
      { hook: "bad", status: "failed", attempts: 1, startedAt: 7, endedAt: 7 },
    ]);
    expect(trace.records[1]?.error).toEqual({ name: "TypeError", message: "nope" });
    expect(timings).toEqual([
      { operation: "hook_execution", durationMs: 7, phase, hook: "ok", status: "completed" },
      { operation: "hook_execution", durationMs: 0, phase, hook: "bad", status: "failed" },
    ]);
  });
});

describe("Tracer", () => {
  it("keeps the latest phase runs of an executor, up to its limit", async () => {
    const target = new HookExecutor({ tracer: new Tracer(2) });
    target.register(defineHook({ name: "a", phase, run: () => undefined }));
    for (let index = 0; index < 3; index += 1) await target.runPhase(phase, context);
    await target.runPhase(HookPhase.BEFORE_VALIDATE, { migrations: [] });
    expect(target.tracer.traces().map((trace) => [trace.phase, trace.records.length])).toEqual([
      [phase, 1],
      [HookPhase.BEFORE_VALIDATE, 0],
    ]);
    target.tracer.clear();
    expect(target.tracer.traces()).toEqual([]);
  });
});

describe("graph export", () => {
  it("exports a run as Mermaid, with statuses and the critical path marked", async () => {
    const { result } = await traced("dag", [
      ["root", 10],
      ['say "hi"', 5, ["root"]],
    ]);
    const mermaid = toMermaid(traceGraph(result.trace));
    expect(mermaid).toBe(
      [
        "flowchart TD",
        '  subgraph p0["after_plan_migration (dag)"]',
        '    p0_0[["root<br/>completed, 10.0 ms"]]:::completed',
        '    p0_1[["say #quot;hi#quot;<br/>completed, 5.0 ms"]]:::completed',
        "    p0_0 --> p0_1",
        "  end",
        "  classDef completed fill:#d4f7d4,stroke:#2e7d32",
        "",
      ].join("\n"),
    );
  });

  it("exports plans of several phases as DOT clusters", async () => {
    const { target } = await traced("sequential", [
      ["first", 1],
      ["second", 1],
    ]);
    const dot = toDot([planGraph(target.plan(phase))]);
    expect(dot).toBe(
      [
        "digraph hooks {",
        "  rankdir=LR;",
        "  node [shape=box];",
        "  subgraph cluster_0 {",
        '    label="after_plan_migration (sequential)";',
        '    "after_plan_migration/first" [label="first"];',
        '    "after_plan_migration/second" [label="second"];',
        '    "after_plan_migration/first" -> "after_plan_migration/second";',
        "  }",
        "}",
        "",
      ].join("\n"),
    );
  });
});
