import { z } from "zod";

/** One node of an EXPLAIN (FORMAT JSON) plan; only the fields we read are typed. */
export interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Plan Rows"?: number;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Rows Removed by Filter"?: number;
  "Sort Space Type"?: string;
  "Sort Space Used"?: number;
  "Shared Hit Blocks"?: number;
  "Shared Read Blocks"?: number;
  "Temp Written Blocks"?: number;
  Operation?: string;
  Plans?: PlanNode[];
}

const planNodeSchema: z.ZodType<PlanNode> = z.lazy(() =>
  z.looseObject({
    "Node Type": z.string(),
    "Relation Name": z.string().optional(),
    "Plan Rows": z.number().optional(),
    "Actual Rows": z.number().optional(),
    "Actual Loops": z.number().optional(),
    "Rows Removed by Filter": z.number().optional(),
    "Sort Space Type": z.string().optional(),
    "Sort Space Used": z.number().optional(),
    "Shared Hit Blocks": z.number().optional(),
    "Shared Read Blocks": z.number().optional(),
    "Temp Written Blocks": z.number().optional(),
    Operation: z.string().optional(),
    Plans: z.array(planNodeSchema).optional(),
  }),
);

const explainOutputSchema = z
  .array(z.looseObject({ Plan: planNodeSchema, "Execution Time": z.number().optional(), "Planning Time": z.number().optional() }))
  .min(1);

/** What a plan says about a query, as facts a person can act on. */
export interface PlanFacts {
  executionTimeMs?: number;
  planningTimeMs?: number;
  /** Sequential scans, with the rows they read (returned plus removed by the filter); `large` when over the threshold. */
  sequentialScans: Array<{ relation: string; rows: number; large: boolean }>;
  /** Sorts that spilled to disk, with the kB written. */
  diskSorts: Array<{ spaceKb: number }>;
  /**
   * The worst misestimate in the plan as a q-error: max(estimated/actual, actual/estimated) per node
   * (both floored at 1 row). 1 is perfect; 10 means some node was off tenfold.
   */
  worstRowEstimateError: number;
  sharedHitBlocks: number;
  sharedReadBlocks: number;
  tempWrittenBlocks: number;
  /** The plan changes data (ModifyTable). */
  modifiesData: boolean;
}

function walk(node: PlanNode, visit: (node: PlanNode) => void): void {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
}

/** Reads the JSON that EXPLAIN (FORMAT JSON) returns (as parsed JSON or text). */
export function parseExplain(output: unknown, options: { largeTableRows?: number } = {}): PlanFacts {
  const value = typeof output === "string" ? JSON.parse(output) : output;
  const [root] = explainOutputSchema.parse(value);
  const largeTableRows = options.largeTableRows ?? 10_000;
  const facts: PlanFacts = {
    executionTimeMs: root?.["Execution Time"],
    planningTimeMs: root?.["Planning Time"],
    sequentialScans: [],
    diskSorts: [],
    worstRowEstimateError: 1,
    sharedHitBlocks: 0,
    sharedReadBlocks: 0,
    tempWrittenBlocks: 0,
    modifiesData: false,
  };
  if (!root) return facts;
  // Buffer counts of a node include its children's, so the root's are the query's.
  facts.sharedHitBlocks = root.Plan["Shared Hit Blocks"] ?? 0;
  facts.sharedReadBlocks = root.Plan["Shared Read Blocks"] ?? 0;
  facts.tempWrittenBlocks = root.Plan["Temp Written Blocks"] ?? 0;
  walk(root.Plan, (node) => {
    const loops = node["Actual Loops"] ?? 1;
    const actual = node["Actual Rows"] === undefined ? undefined : node["Actual Rows"] * loops;
    if (node["Node Type"] === "Seq Scan" && node["Relation Name"]) {
      const rows = actual === undefined ? (node["Plan Rows"] ?? 0) : actual + (node["Rows Removed by Filter"] ?? 0) * loops;
      facts.sequentialScans.push({ relation: node["Relation Name"], rows, large: rows >= largeTableRows });
    }
    if (node["Node Type"] === "ModifyTable") facts.modifiesData = true;
    if (node["Sort Space Type"] === "Disk") facts.diskSorts.push({ spaceKb: node["Sort Space Used"] ?? 0 });
    if (actual !== undefined && node["Plan Rows"] !== undefined) {
      const estimated = Math.max(1, node["Plan Rows"] * loops);
      const observed = Math.max(1, actual);
      facts.worstRowEstimateError = Math.max(facts.worstRowEstimateError, estimated / observed, observed / estimated);
    }
  });
  return facts;
}
