import type { PhasePlan } from "./plan.js";
import type { ExecutionStrategy } from "./policies.js";
import { criticalPath, type ExecutionTrace, type HookStatus } from "./trace.js";

/** A node of an execution graph: a hook, and, for a run, how it ended. */
export interface HookGraphNode {
  name: string;
  status?: HookStatus;
  durationMs?: number;
  critical?: boolean;
}

/** The execution DAG of one phase: planned (from registrations) or actual (from a trace). */
export interface HookGraph {
  phase: string;
  strategy: ExecutionStrategy;
  nodes: HookGraphNode[];
  edges: { from: string; to: string }[];
}

/** The graph a plan will run: sequential is a chain, parallel has no edges, DAG follows `dependsOn`. */
export function planGraph(plan: PhasePlan): HookGraph {
  return {
    phase: plan.phase,
    strategy: plan.config.strategy,
    nodes: plan.hooks.map((hook) => ({ name: hook.name })),
    edges: plan.edges.map(([from, to]) => ({ from, to })),
  };
}

/** The graph a run took, with statuses, durations, and the critical path marked. */
export function traceGraph(trace: ExecutionTrace): HookGraph {
  const critical = new Set(criticalPath(trace).hooks);
  return {
    phase: trace.phase,
    strategy: trace.strategy,
    nodes: trace.records.map((record) => ({
      name: record.hook,
      status: record.status,
      durationMs: record.durationMs,
      critical: critical.has(record.hook),
    })),
    edges: trace.records.flatMap((record) => record.after.map((from) => ({ from, to: record.hook }))),
  };
}

function asList(graphs: HookGraph | readonly HookGraph[]): readonly HookGraph[] {
  return "phase" in graphs ? [graphs] : graphs;
}

function label(node: HookGraphNode): string {
  const details = [node.status, node.durationMs === undefined ? undefined : `${node.durationMs.toFixed(1)} ms`].filter(Boolean);
  return details.length === 0 ? node.name : `${node.name}\n${details.join(", ")}`;
}

/** Mermaid labels are quoted; quotes become an entity and newlines a line break. */
function mermaidText(text: string): string {
  return text.replaceAll('"', "#quot;").replaceAll("\n", "<br/>");
}

const mermaidStatusStyles: Record<HookStatus, string> = {
  completed: "fill:#d4f7d4,stroke:#2e7d32",
  failed: "fill:#fdd,stroke:#c62828",
  timed_out: "fill:#ffe0b2,stroke:#ef6c00",
  skipped: "fill:#eee,stroke:#999,stroke-dasharray:3",
  cancelled: "fill:#f3e5f5,stroke:#6a1b9a",
};

/** A Mermaid flowchart: one subgraph per phase, node ids `p<phase index>_<hook index>` (names stay in labels). */
export function toMermaid(graphs: HookGraph | readonly HookGraph[]): string {
  const list = asList(graphs);
  const lines = ["flowchart TD"];
  const used = new Set<HookStatus>();
  list.forEach((graph, phaseIndex) => {
    const ids = new Map(graph.nodes.map((node, index) => [node.name, `p${phaseIndex}_${index}`]));
    lines.push(`  subgraph p${phaseIndex}["${mermaidText(`${graph.phase} (${graph.strategy})`)}"]`);
    for (const node of graph.nodes) {
      const shape = node.critical ? [`[["`, `"]]`] : [`["`, `"]`];
      const status = node.status === undefined ? "" : `:::${node.status}`;
      if (node.status !== undefined) used.add(node.status);
      lines.push(`    ${ids.get(node.name)}${shape[0]}${mermaidText(label(node))}${shape[1]}${status}`);
    }
    for (const edge of graph.edges) {
      const from = ids.get(edge.from);
      const to = ids.get(edge.to);
      if (from !== undefined && to !== undefined) lines.push(`    ${from} --> ${to}`);
    }
    lines.push("  end");
  });
  for (const status of used) lines.push(`  classDef ${status} ${mermaidStatusStyles[status]}`);
  return `${lines.join("\n")}\n`;
}

/** DOT strings are double-quoted; backslashes and quotes are escaped, newlines become `\n`. */
function dotText(text: string): string {
  return `"${text.replaceAll("\\", "\\\\").replaceAll('"', '\\"').replaceAll("\n", "\\n")}"`;
}

const dotStatusColors: Record<HookStatus, string> = {
  completed: "darkgreen",
  failed: "red",
  timed_out: "orange",
  skipped: "gray",
  cancelled: "purple",
};

/** A Graphviz digraph: one cluster per phase; node ids are `<phase>/<hook>`. */
export function toDot(graphs: HookGraph | readonly HookGraph[]): string {
  const list = asList(graphs);
  const lines = ["digraph hooks {", "  rankdir=LR;", "  node [shape=box];"];
  list.forEach((graph, phaseIndex) => {
    const id = (name: string) => dotText(`${graph.phase}/${name}`);
    lines.push(`  subgraph cluster_${phaseIndex} {`, `    label=${dotText(`${graph.phase} (${graph.strategy})`)};`);
    for (const node of graph.nodes) {
      const attributes = [`label=${dotText(label(node))}`];
      if (node.status !== undefined) attributes.push(`color=${dotStatusColors[node.status]}`);
      if (node.critical) attributes.push("penwidth=3");
      lines.push(`    ${id(node.name)} [${attributes.join(", ")}];`);
    }
    for (const edge of graph.edges) lines.push(`    ${id(edge.from)} -> ${id(edge.to)};`);
    lines.push("  }");
  });
  lines.push("}");
  return `${lines.join("\n")}\n`;
}
