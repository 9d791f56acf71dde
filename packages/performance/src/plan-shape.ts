import type { PlanNode } from "./explain.js";

/** How a plan reads one relation. */
export interface AccessPath {
  relation: string;
  /** `index` covers Index Scan, Index Only Scan and Bitmap Index/Heap Scan. */
  method: "sequential" | "index" | "other";
  /** The index used, for index access. */
  index?: string;
}

const indexNodes = new Set(["Index Scan", "Index Only Scan", "Bitmap Heap Scan"]);

function walk(node: PlanNode, visit: (node: PlanNode) => void): void {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
}

/** Bitmap Heap Scans name the relation; their Bitmap Index Scan children name the index. */
function bitmapIndex(node: PlanNode): string | undefined {
  let found: string | undefined;
  walk(node, (child) => {
    const name = (child as { "Index Name"?: string })["Index Name"];
    if (child["Node Type"] === "Bitmap Index Scan" && name && found === undefined) found = name;
  });
  return found;
}

/** The access path of every relation the plan scans, in plan order. */
export function accessPaths(root: PlanNode): AccessPath[] {
  const paths: AccessPath[] = [];
  walk(root, (node) => {
    const relation = node["Relation Name"];
    if (!relation) return;
    const type = node["Node Type"];
    if (type === "Seq Scan") paths.push({ relation, method: "sequential" });
    else if (indexNodes.has(type)) {
      const index = type === "Bitmap Heap Scan" ? bitmapIndex(node) : (node as { "Index Name"?: string })["Index Name"];
      paths.push({ relation, method: "index", ...(index ? { index } : {}) });
    } else paths.push({ relation, method: "other" });
  });
  return paths;
}

/**
 * The plan's shape as text: node types, relations and indexes, without costs, rows or timings, so
 * two runs of one plan give the same text on any machine and any load.
 */
export function planSignature(root: PlanNode): string {
  const render = (node: PlanNode): string => {
    const details = [node["Relation Name"], (node as { "Index Name"?: string })["Index Name"]].filter(Boolean).join(" ");
    const children = (node.Plans ?? []).map(render).join(", ");
    return `${node["Node Type"]}${details ? `(${details})` : ""}${children ? `[${children}]` : ""}`;
  };
  return render(root);
}

/**
 * Relations read through an index in the baseline and by a sequential scan now: a plan regression
 * whatever the timings say (the slowdown grows with the table, and a quiet test table hides it).
 */
export function lostIndexAccess(baseline: readonly AccessPath[], candidate: readonly AccessPath[]): AccessPath[] {
  return baseline.filter(
    (before) =>
      before.method === "index" &&
      candidate.some((after) => after.relation === before.relation && after.method === "sequential") &&
      !candidate.some((after) => after.relation === before.relation && after.method === "index"),
  );
}
