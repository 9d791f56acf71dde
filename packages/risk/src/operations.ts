import { isLockMode, type LockAcquisition, lockModeStrength, lockModesConflict } from "@confiture/sql";
import type { OperationClass } from "./config.js";

/** Rank of a lock mode (the lock model's strength order): higher is stronger. Unknown modes rank below every known one. */
export function lockRank(mode: string): number {
  return isLockMode(mode) ? lockModeStrength(mode) : -1;
}

/**
 * Whether a lock blocks ordinary writes: it conflicts with RowExclusiveLock, which INSERT, UPDATE and
 * DELETE take. ShareLock and stronger do; ShareUpdateExclusiveLock (CREATE INDEX CONCURRENTLY,
 * VALIDATE CONSTRAINT) does not, which is why those statements can run for minutes without downtime.
 */
export function blocksWrites(mode: string): boolean {
  return isLockMode(mode) && lockModesConflict(mode, "RowExclusiveLock");
}

/** The strongest of some locks (the first one on a tie), or undefined when there are none. */
export function strongestOf(locks: readonly LockAcquisition[]): LockAcquisition | undefined {
  let strongest: LockAcquisition | undefined;
  for (const lock of locks) if (strongest === undefined || lockRank(lock.mode) > lockRank(strongest.mode)) strongest = lock;
  return strongest;
}

/** What the downtime predictor needs of a statement: the lock model's verdict. */
export interface ModelledStatement {
  kind: string;
  locks: readonly LockAcquisition[];
  rewrite: boolean;
  scan: boolean;
  transactional: boolean;
}

/** Kinds (from @confiture/sql) that build an index over the whole table. */
function buildsIndex(kind: string): boolean {
  return (
    kind.startsWith("create_index") ||
    kind.startsWith("create_unique_index") ||
    kind.startsWith("reindex") ||
    kind === "add_primary_key" ||
    kind === "add_unique_constraint" ||
    kind === "add_exclusion_constraint"
  );
}

/**
 * The kind of operation, from the lock model's verdict (never from the SQL text):
 * - a rewrite scales with the table's bytes;
 * - an index build scales with rows; outside a transaction it is CREATE INDEX CONCURRENTLY (two scans
 *   and waits for other transactions, so slower);
 * - a scan that checks a foreign key (or also locks a second relation) probes the referenced table for
 *   every row and scales with rows; other scans (CHECK, SET NOT NULL) scale with bytes;
 * - everything else only changes the catalog.
 */
export function classifyOperation(statement: ModelledStatement): OperationClass {
  if (statement.rewrite) return "rewrite";
  if (buildsIndex(statement.kind) && (statement.scan || statement.kind.startsWith("create"))) {
    return statement.transactional && !statement.kind.includes("concurrently") ? "index_build" : "concurrent_index_build";
  }
  if (!statement.scan) return "catalog";
  const relations = new Set(statement.locks.map((lock) => lock.relation));
  return statement.kind.includes("foreign_key") || relations.size > 1 ? "validate_foreign_key" : "validate";
}

/** The relation whose size drives the statement's duration: the one holding its strongest lock. */
export function sizedRelation(statement: ModelledStatement): string | undefined {
  return strongestOf(statement.locks)?.relation;
}
