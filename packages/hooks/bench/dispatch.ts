/**
 * Dispatch overhead of the executor with 100 no-op hooks, run sequentially, in parallel and as a
 * DAG, and the time to schedule (plan) a 100-hook DAG. Goals: < 20 µs per hook at p99, < 2 ms to
 * schedule.
 *
 * Three views of the same runs:
 * - per hook: the gap between one hook's invocation and the next one's (99 samples a run), so each
 *   sample is the executor's full cost for one hook: breaker, timers, abort watch, result, trace
 *   record, scheduling of the next;
 * - per phase: what a phase costs once, whatever its hooks: from the `runPhase` call to the first
 *   invocation (context validation with zod, freezing, signals, phase timer) plus from the last
 *   invocation to the result (trace, events);
 * - per run: a whole `runPhase` divided by 100; its p99 is the runs that a garbage collection or
 *   another process hit.
 *
 *   pnpm --filter @confiture/hooks bench
 */
import { availableParallelism, loadavg } from "node:os";
import {
  type AnyHookDefinition,
  defaultPhaseConfig,
  type ExecutionStrategy,
  HookExecutor,
  HookPhase,
  planPhase,
} from "@confiture/hooks";

const hookCount = 100;
const warmupRuns = 300;
const measuredRuns = 2000;
const phase = HookPhase.BEFORE_EXECUTE;
const context = { migration: { version: "20240101000000", name: "bench" } };

/** Invocation times of the current run, written by the hooks themselves. */
const invokedAt = new Float64Array(hookCount);

/**
 * 100 no-op hooks; for the DAG, 10 layers of 10 where each hook depends on two of the layer above.
 * Asynchronous no-ops (`async () => {}`, the shape of real hooks) take the full path: a timeout timer
 * and an abort watch each; synchronous ones end before either is set up.
 */
function hooks(strategy: ExecutionStrategy, asynchronous = true): AnyHookDefinition[] {
  return Array.from({ length: hookCount }, (_, index) => {
    const layer = Math.floor(index / 10);
    const dependsOn =
      strategy === "dag" && layer > 0 ? [`hook-${index - 10}`, `hook-${(layer - 1) * 10 + ((index + 1) % 10)}`] : [];
    const run = asynchronous
      ? async () => {
          invokedAt[index] = performance.now();
        }
      : () => {
          invokedAt[index] = performance.now();
        };
    return { name: `hook-${index}`, phase, dependsOn, run } as unknown as AnyHookDefinition;
  });
}

function quantiles(samples: Float64Array | number[]): { p50: number; p99: number } {
  const sorted = Float64Array.from(samples).sort();
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
  return { p50: at(0.5), p99: at(0.99) };
}

async function dispatch(strategy: ExecutionStrategy, asynchronous: boolean) {
  const executor = new HookExecutor({ defaults: { strategy, concurrency: 16 } }).registerAll(hooks(strategy, asynchronous));
  const perHook = new Float64Array(measuredRuns * (hookCount - 1));
  const perPhase = new Float64Array(measuredRuns);
  const perRun = new Float64Array(measuredRuns);
  for (let run = 0; run < warmupRuns + measuredRuns; run += 1) {
    const started = performance.now();
    const result = await executor.runPhase(phase, context);
    const ended = performance.now();
    if (!result.success) throw new Error(`${strategy} run failed`);
    if (run < warmupRuns) continue;
    const measured = run - warmupRuns;
    perRun[measured] = ((ended - started) * 1000) / hookCount;
    // Invocation order: the plan's order for sequential, start order otherwise (sorting the times gives it).
    const times = Float64Array.from(invokedAt).sort();
    for (let index = 1; index < hookCount; index += 1) {
      perHook[measured * (hookCount - 1) + index - 1] = ((times[index] ?? 0) - (times[index - 1] ?? 0)) * 1000;
    }
    perPhase[measured] = ((times[0] ?? 0) - started + ended - (times[hookCount - 1] ?? 0)) * 1000;
  }
  return { perHook: quantiles(perHook), perPhase: quantiles(perPhase), perRun: quantiles(perRun) };
}

function schedule() {
  const dag = hooks("dag");
  const config = { ...defaultPhaseConfig, strategy: "dag" as const };
  const millis: number[] = [];
  for (let run = 0; run < warmupRuns + measuredRuns; run += 1) {
    const started = performance.now();
    planPhase(phase, dag, config);
    if (run >= warmupRuns) millis.push(performance.now() - started);
  }
  return quantiles(millis);
}

type Row = [string, string, string, string, string];
const rows: Row[] = [];
const micros = (value: number) => `${value.toFixed(2)} µs`;
for (const strategy of ["sequential", "parallel", "dag"] as const) {
  const { perHook, perPhase, perRun } = await dispatch(strategy, true);
  const synchronous = await dispatch(strategy, false);
  rows.push([
    `${strategy}: per async no-op hook`,
    micros(perHook.p50),
    micros(perHook.p99),
    "< 20 µs p99",
    perHook.p99 < 20 ? "met" : "MISSED",
  ]);
  rows.push([`${strategy}: async, whole run / ${hookCount}`, micros(perRun.p50), micros(perRun.p99), "", ""]);
  rows.push([`${strategy}: phase setup + teardown`, micros(perPhase.p50), micros(perPhase.p99), "", ""]);
  rows.push([`${strategy}: per sync no-op hook`, micros(synchronous.perHook.p50), micros(synchronous.perHook.p99), "", ""]);
}
const planned = schedule();
rows.push([
  `schedule a ${hookCount}-hook DAG (graphlib)`,
  `${planned.p50.toFixed(3)} ms`,
  `${planned.p99.toFixed(3)} ms`,
  "< 2 ms p99",
  planned.p99 < 2 ? "met" : "MISSED",
]);

const header: Row = ["measure", "p50", "p99", "goal", ""];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
const line = (cells: readonly string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ")} |`;
// p99 figures are sensitive to other processes on the machine: the load says how quiet it was.
const load = `load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} CPUs`;
console.log(
  `@confiture/hooks dispatch: ${hookCount} no-op hooks, ${measuredRuns} runs after ${warmupRuns} warm-up, Node ${process.version}, ${load}`,
);
console.log(line(header));
console.log(`|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`);
for (const row of rows) console.log(line(row));
