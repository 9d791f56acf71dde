/** One lock measured in `pg_locks`. */
export interface TracedLock {
  /** `schema.name`, or `name` in `public` (the lock model's naming). */
  relation: string;
  /** As `pg_locks` names it: `AccessExclusiveLock`, `ShareLock`, ... */
  mode: string;
  /** Always `relation` today: only table-level locks are traced. */
  locktype: string;
  /** `pg_class.relkind`: r table, p partitioned table, i/I index, S sequence, v view, m materialized view. */
  kind?: string;
  /** For an index, its table; for a sequence a column owns (serial, identity), that column's table. */
  owner?: string;
}

/** What one statement did, measured inside a transaction that was rolled back. */
export interface TraceResult {
  sql: string;
  /** False when PostgreSQL refused to run it in a transaction block (SQLSTATE 25001): nothing was measured. */
  transactional: boolean;
  /** Locks the statement took, the strongest mode per relation. */
  locks: TracedLock[];
  /** Every (relation, mode) the statement took, weaker modes included. */
  allLocks: TracedLock[];
  /**
   * Locks the transaction already held before the statement (taken by `setup` or earlier statements of the
   * script). A statement taking one of these modes again is invisible in `pg_locks`, so it is missing from
   * `locks`: to measure a statement on a table, create the table before tracing rather than in `setup`.
   */
  heldBefore: TracedLock[];
  /** Tables and materialized views whose storage (relfilenode) the statement replaced: a full rewrite. */
  rewritten: string[];
  /** Indexes whose storage the statement replaced (rebuilt by a rewrite or a REINDEX). */
  rewrittenIndexes: string[];
  /** Relations (tables, indexes, sequences, views) the statement created. */
  created: string[];
  /** Relations the statement dropped. */
  dropped: string[];
  durationMs: number;
  /** Why something was not measured, e.g. for a statement that cannot run in a transaction block. */
  note?: string;
  /** The statement failed (and was rolled back); `locks` are then empty. */
  error?: { message: string; sqlState: string | undefined };
}

/** Options of `traceStatement` and `traceScript`. */
export interface TraceOptions {
  /** SQL run first, in the same transaction (e.g. CREATE TABLE), rolled back with the rest. A failure throws. */
  setup?: string;
  /** `statement_timeout` for each traced statement, in milliseconds (servers only; PGlite ignores it). */
  timeoutMs?: number;
  /**
   * `lock_timeout` for each traced statement, in milliseconds: on a busy server, give up rather than queue
   * behind other sessions (and make them queue behind us). Default 5000; 0 waits forever.
   */
  lockTimeoutMs?: number;
}
