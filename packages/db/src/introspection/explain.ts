import type { Database } from "../types.js";

interface PlanNode {
  "Node Type"?: string;
  "Plan Rows"?: number;
  Plans?: PlanNode[];
}

/**
 * The rows the planner expects a statement to process: for UPDATE, DELETE and MERGE the rows its
 * scan feeds to the modification (the ModifyTable node itself reports none), for anything else the
 * top node's rows. Runs `EXPLAIN (FORMAT JSON)` without ANALYZE, so the statement is planned, never
 * executed; planning still takes the statement's table locks, so it runs in a transaction that is
 * rolled back, with a short lock_timeout so it never queues behind a long-running transaction.
 * Returns undefined when the statement cannot be planned (a table or column that does not exist yet).
 */
export async function estimateStatementRows(
  database: Database,
  sql: string,
  options: { lockTimeoutMs?: number } = {},
): Promise<number | undefined> {
  const lockTimeout = Math.max(1, Math.round(options.lockTimeoutMs ?? 1000));
  return database.withConnection(async (connection) => {
    await connection.exec("BEGIN");
    try {
      await connection.exec(`SET LOCAL lock_timeout = ${lockTimeout}; SET LOCAL statement_timeout = ${lockTimeout * 5}`);
      const { rows } = await connection.query<{ "QUERY PLAN": unknown }>(`EXPLAIN (FORMAT JSON) ${sql}`);
      const value = rows[0]?.["QUERY PLAN"];
      const parsed = (typeof value === "string" ? JSON.parse(value) : value) as { Plan?: PlanNode }[];
      return rowsOf(parsed[0]?.Plan);
    } catch {
      return undefined;
    } finally {
      await connection.exec("ROLLBACK");
    }
  });
}

function rowsOf(node: PlanNode | undefined): number | undefined {
  if (node === undefined) return undefined;
  if (node["Node Type"] === "ModifyTable") {
    const child = node.Plans?.[0];
    return child?.["Plan Rows"] ?? node["Plan Rows"];
  }
  return node["Plan Rows"];
}
