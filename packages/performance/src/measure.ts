import type { Queryable } from "@confiture/db";
import type { PlanNode } from "./explain.js";

/** What the server says about one execution. */
export interface ServerMeasurement {
  /** The server's own execution time (EXPLAIN ANALYZE "Execution Time"), in ms: no network, no client. */
  executionMs: number;
  /** Shared buffers hit plus read: the pages the query touched, the same on any machine. */
  sharedBlocks: number;
  /** Rows the plan's root returned. */
  rows: number;
  plan: PlanNode;
  /** Wall time of the round trip seen by the client, for the end-to-end cost. */
  roundTripMs: number;
}

/**
 * Runs `sql` once under EXPLAIN (ANALYZE, BUFFERS, TIMING OFF): the statement executes for real
 * (so the caller's transaction rules apply), and the server reports its execution time without the
 * per-node clock reads that TIMING ON adds.
 */
export async function measureOnce(connection: Queryable, sql: string): Promise<ServerMeasurement> {
  const started = performance.now();
  const result = await connection.query<{ "QUERY PLAN": unknown }>(`EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, FORMAT JSON) ${sql}`);
  const roundTripMs = performance.now() - started;
  const raw = result.rows[0]?.["QUERY PLAN"];
  const [output] = (typeof raw === "string" ? JSON.parse(raw) : raw) as Array<{ Plan: PlanNode; "Execution Time": number }>;
  if (!output) throw new Error("EXPLAIN returned no plan");
  const plan = output.Plan;
  return {
    executionMs: output["Execution Time"],
    sharedBlocks: (plan["Shared Hit Blocks"] ?? 0) + (plan["Shared Read Blocks"] ?? 0),
    rows: (plan["Actual Rows"] ?? 0) * (plan["Actual Loops"] ?? 1),
    plan,
    roundTripMs,
  };
}
