import type { Database } from "@confiture/db";
import type { NamedQuery } from "./queries-file.js";

/**
 * The top `limit` statements of pg_stat_statements by total execution time, when the extension is
 * installed; an empty list otherwise. Statements with parameters ($1) are left out: they cannot be
 * run again without values.
 */
export async function topStatements(
  database: Database,
  limit: number,
): Promise<{ queries: NamedQuery[]; available: boolean; skipped: number }> {
  const installed = await database.query("SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements'");
  if (installed.rows.length === 0) return { queries: [], available: false, skipped: 0 };
  const result = await database.query<{ queryid: string; query: string }>(
    `SELECT queryid::text AS queryid, query FROM pg_stat_statements
      WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
      ORDER BY total_exec_time DESC LIMIT $1`,
    [limit * 4],
  );
  const runnable = result.rows.filter((row) => !/\$\d/.test(row.query));
  return {
    queries: runnable.slice(0, limit).map((row) => ({ id: `pgss:${row.queryid}`, sql: row.query, source: "pg_stat_statements" })),
    available: true,
    skipped: result.rows.length - runnable.length,
  };
}
