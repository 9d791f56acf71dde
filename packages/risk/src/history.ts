import type { Queryable } from "@confiture/db";
import type { HistoryRecord } from "./history-record.js";

/**
 * Reads `confiture.statement_history`, which the migrate runner writes (read with SQL here so this
 * package does not depend on @confiture/migrate). Empty when the table does not exist yet.
 */
export async function readHistory(db: Queryable, options: { kinds?: readonly string[] } = {}): Promise<HistoryRecord[]> {
  const exists = await db.query<{ found: string | null }>("SELECT to_regclass('confiture.statement_history')::text AS found");
  if (exists.rows[0]?.found == null) return [];
  const filter = options.kinds === undefined ? "" : "WHERE kind = ANY($1::text[])";
  const result = await db.query<{
    version: string;
    statement_index: number;
    kind: string;
    target_table: string | null;
    table_bytes: string | number | null;
    row_estimate: string | number | null;
    duration_ms: string | number;
    lock_mode: string | null;
    pg_major: number | null;
    applied_at: Date | string;
  }>(
    `SELECT version, statement_index, kind, target_table, table_bytes, row_estimate, duration_ms, lock_mode, pg_major, applied_at
       FROM confiture.statement_history ${filter} ORDER BY applied_at`,
    options.kinds === undefined ? [] : [[...options.kinds]],
  );
  const toNumber = (value: string | number | null) => (value === null ? null : Number(value));
  return result.rows.map((row) => ({
    version: row.version,
    statementIndex: Number(row.statement_index),
    kind: row.kind,
    targetTable: row.target_table,
    tableBytes: toNumber(row.table_bytes),
    rowEstimate: toNumber(row.row_estimate),
    durationMs: Number(row.duration_ms),
    lockMode: row.lock_mode,
    pgMajor: row.pg_major === null ? null : Number(row.pg_major),
    appliedAt: row.applied_at instanceof Date ? row.applied_at.toISOString() : String(row.applied_at),
  }));
}
