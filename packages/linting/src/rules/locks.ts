import { type LockAcquisition, lockModeStrength } from "@confiture/sql";
import type { StatementVisit } from "../types.js";

/** ShareLock and stronger conflict with writes (RowExclusiveLock); AccessExclusiveLock with reads too. */
const SHARE_LOCK = lockModeStrength("ShareLock");

/** Locks of the statement on relations that existed before the file (new ones block nobody). */
export function locksOnExistingRelations(visit: Pick<StatementVisit, "analysis" | "createdInFile">): LockAcquisition[] {
  return visit.analysis.locks.filter((lock) => !visit.createdInFile.has(lock.relation));
}

/** ShareUpdateExclusiveLock and stronger queue behind other maintenance and DDL (VACUUM, CREATE INDEX CONCURRENTLY). */
const SHARE_UPDATE_EXCLUSIVE_LOCK = lockModeStrength("ShareUpdateExclusiveLock");

/** Locks that make the statement wait in the lock queue behind other DDL or long transactions, on relations that existed before the file. */
export function queueingLocks(visit: Pick<StatementVisit, "analysis" | "createdInFile">): LockAcquisition[] {
  return locksOnExistingRelations(visit).filter((lock) => lockModeStrength(lock.mode) >= SHARE_UPDATE_EXCLUSIVE_LOCK);
}

/** Locks that block other sessions' writes (ShareLock or stronger) on relations that existed before the file. */
export function blockingLocks(visit: Pick<StatementVisit, "analysis" | "createdInFile">): LockAcquisition[] {
  return locksOnExistingRelations(visit).filter((lock) => lockModeStrength(lock.mode) >= SHARE_LOCK);
}

/** The strongest of a list of locks. */
export function strongest(locks: readonly LockAcquisition[]): LockAcquisition | undefined {
  let best: LockAcquisition | undefined;
  for (const lock of locks) if (best === undefined || lockModeStrength(lock.mode) > lockModeStrength(best.mode)) best = lock;
  return best;
}
