import { alg, Graph } from "@dagrejs/graphlib";
import type { AnyHookDefinition } from "./define-hook.js";
import { HookGraphError } from "./errors.js";
import type { HookPhase } from "./events.js";
import type { PhaseConfig } from "./policies.js";

/** A phase's hooks in the order they start, with the links the strategy puts between them. */
export interface PhasePlan {
  phase: HookPhase;
  config: PhaseConfig;
  /** Sequential and parallel: priority order. DAG: a topological order, priority breaking ties. */
  hooks: readonly AnyHookDefinition[];
  /** `[from, to]`: `to` waits for `from`. A sequential plan is one chain; a parallel plan has none. */
  edges: readonly (readonly [string, string])[];
}

function byPriority(hooks: readonly AnyHookDefinition[]): AnyHookDefinition[] {
  // Array.prototype.sort is stable, so ties keep registration order.
  return [...hooks].sort((left, right) => (left.priority ?? 0) - (right.priority ?? 0));
}

/** A concrete cycle (`a -> b -> a`) inside the first strongly connected component graphlib reports. */
function findCycle(graph: Graph): string[] {
  const component = alg.findCycles(graph)[0] ?? [];
  const members = new Set(component);
  const start = component[0];
  if (start === undefined) return [];
  const path: string[] = [start];
  const visited = new Set<string>([start]);
  const walk = (node: string): boolean => {
    for (const next of graph.successors(node) ?? []) {
      if (next === start) return true;
      if (!members.has(next) || visited.has(next)) continue;
      visited.add(next);
      path.push(next);
      if (walk(next)) return true;
      path.pop();
    }
    return false;
  };
  walk(start);
  return [...path, start];
}

/**
 * Builds the dependency graph of a DAG phase with graphlib and checks it.
 * Throws `HookGraphError` naming the hook and the missing dependency, or the cycle.
 */
export function buildDependencyGraph(phase: HookPhase, hooks: readonly AnyHookDefinition[]): Graph {
  const graph = new Graph({ directed: true });
  for (const hook of hooks) graph.setNode(hook.name);
  for (const hook of hooks) {
    for (const dependency of hook.dependsOn ?? []) {
      if (!graph.hasNode(dependency)) {
        throw new HookGraphError(`hook "${hook.name}" depends on "${dependency}", which is not registered in phase "${phase}"`, {
          hook: hook.name,
          missingDependency: dependency,
        });
      }
      graph.setEdge(dependency, hook.name);
    }
  }
  if (!alg.isAcyclic(graph)) {
    const cycle = findCycle(graph);
    throw new HookGraphError(`dependency cycle in phase "${phase}": ${cycle.join(" -> ")}`, { cycle });
  }
  return graph;
}

/**
 * Kahn's algorithm whose ready list is ordered by priority, then registration order: a
 * deterministic topological order that matches the sequential order when there are no dependencies.
 */
function topologicalByPriority(hooks: readonly AnyHookDefinition[], graph: Graph): AnyHookDefinition[] {
  const registration = new Map(hooks.map((hook, index) => [hook.name, index]));
  const compare = (left: AnyHookDefinition, right: AnyHookDefinition) =>
    (left.priority ?? 0) - (right.priority ?? 0) || (registration.get(left.name) ?? 0) - (registration.get(right.name) ?? 0);
  const remaining = new Map(hooks.map((hook) => [hook.name, hook.dependsOn?.length ?? 0]));
  const byName = new Map(hooks.map((hook) => [hook.name, hook]));
  const ready = hooks.filter((hook) => (hook.dependsOn?.length ?? 0) === 0).sort(compare);
  const order: AnyHookDefinition[] = [];
  while (ready.length > 0) {
    const next = ready.shift() as AnyHookDefinition;
    order.push(next);
    let released = false;
    for (const successor of graph.successors(next.name) ?? []) {
      const left = (remaining.get(successor) ?? 0) - 1;
      remaining.set(successor, left);
      const hook = byName.get(successor);
      if (left === 0 && hook !== undefined) {
        ready.push(hook);
        released = true;
      }
    }
    if (released) ready.sort(compare);
  }
  return order;
}

/** Orders a phase's hooks for its strategy and, for a DAG, checks dependencies and cycles. */
export function planPhase(phase: HookPhase, hooks: readonly AnyHookDefinition[], config: PhaseConfig): PhasePlan {
  if (config.strategy === "dag") {
    const graph = buildDependencyGraph(phase, hooks);
    const ordered = topologicalByPriority(hooks, graph);
    const edges = ordered.flatMap((hook) => (hook.dependsOn ?? []).map((dependency) => [dependency, hook.name] as const));
    return { phase, config, hooks: ordered, edges };
  }
  const ordered = byPriority(hooks);
  const edges =
    config.strategy === "sequential"
      ? ordered.slice(1).map((hook, index) => [ordered[index]?.name ?? "", hook.name] as const)
      : [];
  return { phase, config, hooks: ordered, edges };
}
