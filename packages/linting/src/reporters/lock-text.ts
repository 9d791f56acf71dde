import { describeLockMode, type LockAcquisition } from "@confiture/sql";

/** One line per lock: the mode, the relation, and what the mode blocks (from the lock model's conflict table). */
export function describeLocks(locks: readonly LockAcquisition[]): string[] {
  return locks.map((lock) => {
    const description = describeLockMode(lock.mode);
    const blocks = description.blocksReads
      ? "blocks reads and writes"
      : description.blocksWrites
        ? "blocks writes (INSERT, UPDATE, DELETE); reads continue"
        : description.blocksDdl
          ? "blocks schema changes, VACUUM and ANALYZE; reads and writes continue"
          : `conflicts with ${description.conflictsWith.join(", ")}`;
    return `${lock.mode} on ${lock.relation}: ${blocks}`;
  });
}
