import type { LockMode } from "./types.js";

/** Every table-level lock mode, weakest first, named as `pg_locks.mode` names them. */
export const LOCK_MODES: readonly LockMode[] = [
  "AccessShareLock",
  "RowShareLock",
  "RowExclusiveLock",
  "ShareUpdateExclusiveLock",
  "ShareLock",
  "ShareRowExclusiveLock",
  "ExclusiveLock",
  "AccessExclusiveLock",
];

/** The conflict table of the PostgreSQL documentation ("Explicit Locking", table-level lock modes). */
const CONFLICTS: Record<LockMode, readonly LockMode[]> = {
  AccessShareLock: ["AccessExclusiveLock"],
  RowShareLock: ["ExclusiveLock", "AccessExclusiveLock"],
  RowExclusiveLock: ["ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock"],
  ShareUpdateExclusiveLock: [
    "ShareUpdateExclusiveLock",
    "ShareLock",
    "ShareRowExclusiveLock",
    "ExclusiveLock",
    "AccessExclusiveLock",
  ],
  ShareLock: ["RowExclusiveLock", "ShareUpdateExclusiveLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock"],
  ShareRowExclusiveLock: [
    "RowExclusiveLock",
    "ShareUpdateExclusiveLock",
    "ShareLock",
    "ShareRowExclusiveLock",
    "ExclusiveLock",
    "AccessExclusiveLock",
  ],
  ExclusiveLock: [
    "RowShareLock",
    "RowExclusiveLock",
    "ShareUpdateExclusiveLock",
    "ShareLock",
    "ShareRowExclusiveLock",
    "ExclusiveLock",
    "AccessExclusiveLock",
  ],
  AccessExclusiveLock: LOCK_MODES,
};

const SUMMARIES: Record<LockMode, string> = {
  AccessShareLock: "Taken by SELECT; blocks only ACCESS EXCLUSIVE (most ALTER TABLE, DROP, TRUNCATE).",
  RowShareLock: "Taken by SELECT FOR UPDATE/SHARE; blocks EXCLUSIVE and ACCESS EXCLUSIVE.",
  RowExclusiveLock: "Taken by INSERT, UPDATE, DELETE, MERGE; blocks SHARE and stronger (CREATE INDEX, most DDL).",
  ShareUpdateExclusiveLock:
    "Taken by VACUUM, ANALYZE, CREATE INDEX CONCURRENTLY, VALIDATE CONSTRAINT; reads and writes continue, other schema changes wait.",
  ShareLock: "Taken by CREATE INDEX; reads continue, writes (INSERT, UPDATE, DELETE) wait.",
  ShareRowExclusiveLock: "Taken by CREATE TRIGGER and ADD FOREIGN KEY; reads continue, writes wait, and so does other DDL.",
  ExclusiveLock: "Taken by REFRESH MATERIALIZED VIEW CONCURRENTLY; only plain reads continue.",
  AccessExclusiveLock: "Taken by most ALTER TABLE forms, DROP, TRUNCATE, VACUUM FULL; blocks everything, reads included.",
};

/** What holding a lock mode means for other sessions. */
export interface LockModeDescription {
  mode: LockMode;
  conflictsWith: LockMode[];
  /** Plain SELECTs (AccessShareLock) wait. */
  blocksReads: boolean;
  /** INSERT, UPDATE, DELETE (RowExclusiveLock) wait. */
  blocksWrites: boolean;
  /** Schema changes and maintenance (anything at ShareUpdateExclusiveLock or above: VACUUM, ANALYZE, DDL) wait. */
  blocksDdl: boolean;
  summary: string;
}

/** The conflicts of a lock mode and what they block, from the PostgreSQL conflict table. */
export function describeLockMode(mode: LockMode): LockModeDescription {
  const conflictsWith = [...CONFLICTS[mode]];
  return {
    mode,
    conflictsWith,
    blocksReads: conflictsWith.includes("AccessShareLock"),
    blocksWrites: conflictsWith.includes("RowExclusiveLock"),
    blocksDdl: conflictsWith.includes("ShareUpdateExclusiveLock"),
    summary: SUMMARIES[mode],
  };
}

/** Whether two lock modes conflict (one waits for the other). */
export function lockModesConflict(held: LockMode, requested: LockMode): boolean {
  return CONFLICTS[held].includes(requested);
}

/** 0 (AccessShareLock) to 7 (AccessExclusiveLock). */
export function lockModeStrength(mode: LockMode): number {
  return LOCK_MODES.indexOf(mode);
}

/** The strongest mode among `locks` (modes or `{ mode }` objects); undefined for none. */
export function strongestLock(locks: ReadonlyArray<LockMode | { mode: LockMode }>): LockMode | undefined {
  let strongest: LockMode | undefined;
  for (const lock of locks) {
    const mode = typeof lock === "string" ? lock : lock.mode;
    if (strongest === undefined || lockModeStrength(mode) > lockModeStrength(strongest)) strongest = mode;
  }
  return strongest;
}

/** Whether a string is a lock mode name. */
export function isLockMode(value: string): value is LockMode {
  return (LOCK_MODES as readonly string[]).includes(value);
}
