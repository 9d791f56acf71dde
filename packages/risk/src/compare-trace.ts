import type { LockAcquisition } from "@confiture/sql";
import { lockRank } from "./operations.js";

/** What the tracer measured for one statement. */
export interface MeasuredStatement {
  locks: readonly LockAcquisition[];
  /** Relations whose relfilenode changed: rewritten. */
  rewritten: readonly string[];
  /** Locks the transaction held before the statement (earlier statements of a replay): PostgreSQL cannot show them again. */
  heldBefore?: readonly LockAcquisition[];
}

/** What the lock model says about one statement. */
export interface ModelVerdict {
  locks: readonly LockAcquisition[];
  rewrite: boolean;
}

/** The strongest mode per relation. */
function strongestPerRelation(locks: readonly LockAcquisition[]): Map<string, string> {
  const strongest = new Map<string, string>();
  for (const lock of locks) {
    const previous = strongest.get(lock.relation);
    if (previous === undefined || lockRank(lock.mode) > lockRank(previous)) strongest.set(lock.relation, lock.mode);
  }
  return strongest;
}

/**
 * Where the model and the measurement disagree, one sentence each: a relation the model locks that
 * was not locked (or in another mode), a relation locked beyond AccessShareLock that the model does
 * not mention, and a rewrite predicted but not seen (or seen but not predicted). Relations the
 * statement `created` are not compared; `incidental` ones (indexes rebuilt, created or dropped along
 * with a table) are not reported as locks the model missed.
 * Empty when they agree.
 */
export function compareTrace(
  model: ModelVerdict,
  measured: MeasuredStatement,
  created: ReadonlySet<string> = new Set(),
  incidental: ReadonlySet<string> = new Set(),
): string[] {
  const disagreements: string[] = [];
  const modelled = strongestPerRelation(model.locks);
  const observed = strongestPerRelation(measured.locks);
  const held = strongestPerRelation(measured.heldBefore ?? []);
  for (const [relation, mode] of modelled) {
    if (created.has(relation)) continue;
    const seen = observed.get(relation);
    const heldMode = held.get(relation);
    // Already held at least as strongly: taking it again is invisible, so the model cannot be contradicted.
    if ((seen === undefined || lockRank(seen) < lockRank(mode)) && heldMode !== undefined && lockRank(heldMode) >= lockRank(mode)) continue;
    if (seen === undefined) disagreements.push(`model: ${mode} on ${relation}; measured: no lock on it`);
    else if (seen !== mode) disagreements.push(`model: ${mode} on ${relation}; measured: ${seen}`);
  }
  for (const [relation, mode] of observed) {
    if (modelled.has(relation) || created.has(relation) || incidental.has(relation) || lockRank(mode) <= lockRank("AccessShareLock")) continue;
    disagreements.push(`measured: ${mode} on ${relation}; model: no lock on it`);
  }
  const rewritten = measured.rewritten.filter((relation) => !created.has(relation));
  if (model.rewrite && rewritten.length === 0) disagreements.push("model: rewrites the table; measured: no relfilenode changed");
  if (!model.rewrite && rewritten.length > 0) disagreements.push(`measured: rewrote ${rewritten.join(", ")}; model: no rewrite`);
  return disagreements;
}
