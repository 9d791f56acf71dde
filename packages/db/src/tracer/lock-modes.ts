/** Table-level lock modes as `pg_locks` names them, weakest first. */
export const lockModes = [
  "AccessShareLock",
  "RowShareLock",
  "RowExclusiveLock",
  "ShareUpdateExclusiveLock",
  "ShareLock",
  "ShareRowExclusiveLock",
  "ExclusiveLock",
  "AccessExclusiveLock",
] as const;

/** A table-level lock mode. */
export type LockMode = (typeof lockModes)[number];

/** Position of a mode in `lockModes` (higher conflicts with more); -1 for a name PostgreSQL does not use for tables. */
export function lockModeStrength(mode: string): number {
  return lockModes.indexOf(mode as LockMode);
}

/** Keep, per relation, only the strongest mode; relations stay in first-seen order. */
export function strongestLockPerRelation<T extends { relation: string; mode: string }>(locks: readonly T[]): T[] {
  const strongest = new Map<string, T>();
  for (const lock of locks) {
    const current = strongest.get(lock.relation);
    if (current === undefined || lockModeStrength(lock.mode) > lockModeStrength(current.mode)) strongest.set(lock.relation, lock);
  }
  return [...strongest.values()];
}
