import { alg, Graph } from "@dagrejs/graphlib";
import type { ErrorInfo } from "./contexts.js";
import type { HookPhase } from "./events.js";
import type { ExecutionStrategy } from "./policies.js";

/** How one hook execution ended. `skipped` never started (open breaker, failed dependency, aborted phase). */
export type HookStatus = "completed" | "failed" | "timed_out" | "skipped" | "cancelled";

/** One hook execution as the tracer recorded it. Times come from the executor's clock, in milliseconds. */
export interface HookTraceRecord {
  hook: string;
  status: HookStatus;
  attempts: number;
  startedAt: number;
  endedAt: number;
  durationMs: number;
  error?: ErrorInfo;
  /** The hooks this one waited for in this run (the edges of the execution DAG). */
  after: readonly string[];
}

/** Everything one phase run did, in start order. */
export interface ExecutionTrace {
  phase: HookPhase;
  strategy: ExecutionStrategy;
  startedAt: number;
  endedAt: number;
  durationMs: number;
  records: readonly HookTraceRecord[];
}

/** The longest chain by duration through hooks that ran, and its total. */
export interface CriticalPath {
  hooks: readonly string[];
  durationMs: number;
}

/** A hook ran if it started: completed, failed, timed out or was cancelled while running. */
export function hookRan(record: Pick<HookTraceRecord, "status">): boolean {
  return record.status !== "skipped";
}

/**
 * The critical path of a trace: the chain of hooks, linked by the dependencies that actually ran,
 * whose durations add up to the most. A sequential run is one chain (all its hooks); a parallel run
 * has no links (the longest hook); a DAG run follows `dependsOn`.
 */
export function criticalPath(trace: ExecutionTrace): CriticalPath {
  const graph = new Graph({ directed: true });
  const durations = new Map<string, number>();
  for (const record of trace.records) {
    if (!hookRan(record)) continue;
    graph.setNode(record.hook);
    durations.set(record.hook, record.durationMs);
  }
  for (const record of trace.records) {
    for (const dependency of record.after) {
      if (durations.has(dependency) && durations.has(record.hook)) graph.setEdge(dependency, record.hook);
    }
  }
  const best = new Map<string, { total: number; previous: string | undefined }>();
  let end: string | undefined;
  for (const node of alg.topsort(graph)) {
    let previous: string | undefined;
    let before = 0;
    for (const predecessor of graph.predecessors(node) ?? []) {
      const candidate = best.get(predecessor)?.total ?? 0;
      if (previous === undefined || candidate > before) {
        previous = predecessor;
        before = candidate;
      }
    }
    const total = before + (durations.get(node) ?? 0);
    best.set(node, { total, previous });
    if (end === undefined || total > (best.get(end)?.total ?? 0)) end = node;
  }
  const hooks: string[] = [];
  for (let node = end; node !== undefined; node = best.get(node)?.previous) hooks.unshift(node);
  return { hooks, durationMs: end === undefined ? 0 : (best.get(end)?.total ?? 0) };
}

/**
 * Keeps the traces of the latest phase runs (a migration run's whole story), oldest first, up to
 * `limit` so a long-lived process does not grow without bound.
 */
export class Tracer {
  readonly #traces: ExecutionTrace[] = [];
  constructor(readonly limit = 100) {}

  record(trace: ExecutionTrace): void {
    this.#traces.push(trace);
    if (this.#traces.length > this.limit) this.#traces.splice(0, this.#traces.length - this.limit);
  }

  /** The kept traces, oldest first. */
  traces(): readonly ExecutionTrace[] {
    return this.#traces;
  }

  clear(): void {
    this.#traces.length = 0;
  }
}
