import type { Queryable } from "../types.js";

/** How busy the server is: what a migration's locks would queue behind. */
export interface Activity {
  /** Client connections to the whole server (what `max_connections` limits). */
  connections: number;
  maxConnections: number;
  /** Other sessions of this database inside a transaction. */
  activeTransactions: number;
  /** Of those, sessions idle in a transaction (holding locks while doing nothing). */
  idleInTransaction: number;
  /** Other sessions of this database waiting for a lock right now. */
  waitingForLocks: number;
  /** Age of the oldest open transaction of another session of this database; 0 when there is none. */
  longestTransactionSeconds: number;
}

/** Connections against `max_connections`, and the open transactions of this database (our own session excluded). */
export async function getActivity(database: Queryable): Promise<Activity> {
  const { rows } = await database.query<{
    connections: number;
    max_connections: number;
    active_transactions: number;
    idle_in_transaction: number;
    waiting_for_locks: number;
    longest: number;
  }>(
    `WITH sessions AS (
       SELECT pid, datname, state, wait_event_type, xact_start
       FROM pg_stat_activity WHERE backend_type = 'client backend'
     ), others AS (
       SELECT * FROM sessions WHERE datname = current_database() AND pid <> pg_backend_pid()
     )
     SELECT (SELECT count(*) FROM sessions)::int AS connections,
            current_setting('max_connections')::int AS max_connections,
            (SELECT count(*) FROM others WHERE xact_start IS NOT NULL)::int AS active_transactions,
            (SELECT count(*) FROM others WHERE state LIKE 'idle in transaction%')::int AS idle_in_transaction,
            (SELECT count(*) FROM others WHERE wait_event_type = 'Lock')::int AS waiting_for_locks,
            (SELECT coalesce(max(extract(epoch FROM clock_timestamp() - xact_start)), 0) FROM others)::float8 AS longest`,
  );
  const row = rows[0];
  return {
    connections: Number(row?.connections ?? 0),
    maxConnections: Number(row?.max_connections ?? 0),
    activeTransactions: Number(row?.active_transactions ?? 0),
    idleInTransaction: Number(row?.idle_in_transaction ?? 0),
    waitingForLocks: Number(row?.waiting_for_locks ?? 0),
    longestTransactionSeconds: Number(row?.longest ?? 0),
  };
}
