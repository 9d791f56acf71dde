import type { Queryable } from "@confiture/db";

/** How a migration stands in `confiture.migrations.state`. */
export type TrackedState = "applied" | "partial";

/** A row of `confiture.migrations`. */
export interface AppliedMigration {
  version: string;
  name: string;
  checksum: string;
  appliedAt: Date;
  durationMs: number | null;
  appliedBy: string;
  /** False when the migration held statements that cannot run in a transaction and ran statement by statement. */
  transactional: boolean;
  /** `partial`: a non-transactional migration stopped part way; the next `up` resumes it. */
  state: TrackedState;
}

/** One row of `confiture.statement_history`, as the runner writes it. */
export interface StatementHistoryRecord {
  version: string;
  statementIndex: number;
  kind: string;
  /** `schema.table` of the relation the statement locks hardest, schema `public` when unwritten. */
  targetTable: string | null;
  tableBytes: number | null;
  rowEstimate: number | null;
  durationMs: number;
  lockMode: string | null;
  pgMajor: number;
}

/**
 * The tracking schema. The risk package reads `confiture.statement_history` for its historical
 * downtime predictor, so these names and columns are a contract (documented in the README).
 */
export const trackingSchemaSql = `
CREATE SCHEMA IF NOT EXISTS confiture;
CREATE TABLE IF NOT EXISTS confiture.migrations (
  version text PRIMARY KEY,
  name text NOT NULL,
  checksum text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  duration_ms double precision,
  applied_by text NOT NULL,
  transactional boolean NOT NULL DEFAULT true,
  state text NOT NULL DEFAULT 'applied'
);
CREATE TABLE IF NOT EXISTS confiture.statement_history (
  id bigserial PRIMARY KEY,
  version text NOT NULL,
  statement_index int NOT NULL,
  kind text NOT NULL,
  target_table text,
  table_bytes bigint,
  row_estimate bigint,
  duration_ms double precision NOT NULL,
  lock_mode text,
  pg_major int NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS statement_history_version_index ON confiture.statement_history (version);
`;

/** Creates the tracking schema when it is missing. Call it while holding the migration lock. */
export async function ensureTrackingSchema(connection: Queryable): Promise<void> {
  const exists = await trackingSchemaExists(connection);
  if (!exists) await connection.exec(trackingSchemaSql);
}

/** Whether `confiture.migrations` exists (read-only commands do not create it). */
export async function trackingSchemaExists(connection: Queryable): Promise<boolean> {
  const { rows } = await connection.query<{ present: boolean }>(
    "SELECT to_regclass('confiture.migrations') IS NOT NULL AND to_regclass('confiture.statement_history') IS NOT NULL AS present",
  );
  return rows[0]?.present === true;
}

/** Every tracked migration, by version. Empty when the tracking schema does not exist yet. */
export async function readAppliedMigrations(connection: Queryable): Promise<AppliedMigration[]> {
  if (!(await trackingSchemaExists(connection))) return [];
  const { rows } = await connection.query<{
    version: string;
    name: string;
    checksum: string;
    applied_at: Date | string;
    duration_ms: number | string | null;
    applied_by: string;
    transactional: boolean;
    state: string;
  }>(
    'SELECT version, name, checksum, applied_at, duration_ms, applied_by, transactional, state FROM confiture.migrations ORDER BY version COLLATE "C"',
  );
  return rows.map((row) => ({
    version: row.version,
    name: row.name,
    checksum: row.checksum,
    appliedAt: row.applied_at instanceof Date ? row.applied_at : new Date(row.applied_at),
    durationMs: row.duration_ms === null ? null : Number(row.duration_ms),
    appliedBy: row.applied_by,
    transactional: row.transactional,
    state: row.state === "partial" ? "partial" : "applied",
  }));
}

const upsertMigrationSql = `INSERT INTO confiture.migrations (version, name, checksum, applied_at, duration_ms, applied_by, transactional, state)
     VALUES ($1, $2, $3, now(), $4, coalesce($5, session_user), $6, $7)
     ON CONFLICT (version) DO UPDATE SET name = excluded.name, checksum = excluded.checksum,
       duration_ms = excluded.duration_ms, applied_by = excluded.applied_by,
       transactional = excluded.transactional, state = excluded.state`;

/** Inserts or completes a migration's row. `appliedBy` defaults to the database's session user. */
export async function recordMigration(
  connection: Queryable,
  record: {
    version: string;
    name: string;
    checksum: string;
    durationMs: number | null;
    appliedBy?: string;
    transactional: boolean;
    state: TrackedState;
  },
): Promise<void> {
  await connection.query(upsertMigrationSql, [
    record.version,
    record.name,
    record.checksum,
    record.durationMs,
    record.appliedBy ?? null,
    record.transactional,
    record.state,
  ]);
}

/** Removes a migration's row (after its down file ran). The statement history is kept: it is history. */
export async function forgetMigration(connection: Queryable, version: string): Promise<void> {
  await connection.query("DELETE FROM confiture.migrations WHERE version = $1", [version]);
}

function historyValues(records: StatementHistoryRecord[], offset: number): { tuples: string; values: unknown[] } {
  const values: unknown[] = [];
  const tuples = records.map((record) => {
    const base = offset + values.length;
    values.push(
      record.version,
      record.statementIndex,
      record.kind,
      record.targetTable,
      record.tableBytes,
      record.rowEstimate,
      record.durationMs,
      record.lockMode,
      record.pgMajor,
    );
    return `(${Array.from({ length: 9 }, (_, column) => `$${base + column + 1}`).join(", ")})`;
  });
  return { tuples: tuples.join(", "), values };
}

const historyColumns =
  "version, statement_index, kind, target_table, table_bytes, row_estimate, duration_ms, lock_mode, pg_major";

/** Appends statement history rows in one round trip. */
export async function recordStatementHistory(connection: Queryable, records: StatementHistoryRecord[]): Promise<void> {
  if (records.length === 0) return;
  const { tuples, values } = historyValues(records, 0);
  await connection.query(`INSERT INTO confiture.statement_history (${historyColumns}) VALUES ${tuples}`, values);
}

/**
 * Records a migration's outcome and its statements in one round trip (inside its transaction):
 * `up` upserts the migration's row as applied, `down` deletes it; both append the history.
 */
export async function recordOutcome(
  connection: Queryable,
  change: { direction: "up"; record: Parameters<typeof recordMigration>[1] } | { direction: "down"; version: string },
  history: StatementHistoryRecord[],
): Promise<void> {
  if (history.length === 0) {
    if (change.direction === "up") await recordMigration(connection, change.record);
    else await forgetMigration(connection, change.version);
    return;
  }
  if (change.direction === "down") {
    const { tuples, values } = historyValues(history, 1);
    await connection.query(
      `WITH forgotten AS (DELETE FROM confiture.migrations WHERE version = $1)
       INSERT INTO confiture.statement_history (${historyColumns}) VALUES ${tuples}`,
      [change.version, ...values],
    );
    return;
  }
  const { record } = change;
  const { tuples, values } = historyValues(history, 7);
  await connection.query(
    `WITH recorded AS (${upsertMigrationSql})
     INSERT INTO confiture.statement_history (${historyColumns}) VALUES ${tuples}`,
    [
      record.version,
      record.name,
      record.checksum,
      record.durationMs,
      record.appliedBy ?? null,
      record.transactional,
      record.state,
      ...values,
    ],
  );
}

/**
 * Where a partial (non-transactional) migration resumes: the number of its statements that
 * completed since its row was written. Each of those statements committed on its own.
 */
export async function completedStatementCount(connection: Queryable, version: string): Promise<number> {
  const { rows } = await connection.query<{ completed: number | string | null }>(
    `SELECT max(h.statement_index) + 1 AS completed
       FROM confiture.statement_history h JOIN confiture.migrations m ON m.version = h.version
      WHERE h.version = $1 AND m.state = 'partial' AND h.applied_at >= m.applied_at`,
    [version],
  );
  const completed = rows[0]?.completed;
  return completed === null || completed === undefined ? 0 : Number(completed);
}
