import { compareWithMeasurement, type Disagreement, type Statement, type StatementAnalysis } from "@confiture/sql";
import { lockRank } from "./operations.js";

/** What the tracer measured for one statement (the shape of `@confiture/db`'s TraceResult, structurally). */
export interface MeasuredStatement {
  transactional: boolean;
  locks: readonly { relation: string; mode: string }[];
  /** Tables whose relfilenode changed: rewritten. */
  rewritten: readonly string[];
  rewrittenIndexes?: readonly string[];
  /** Locks the transaction held before the statement (earlier statements of a replay): PostgreSQL cannot show them again. */
  heldBefore?: readonly { relation: string; mode: string }[];
  error?: { message: string };
}

/** A disagreement as one sentence. */
export function describeDisagreement(disagreement: Disagreement): string {
  switch (disagreement.aspect) {
    case "lock":
      return `model: ${disagreement.model === "none" ? "no lock" : disagreement.model} on ${disagreement.relation}; measured: ${disagreement.measured === "none" ? "no lock" : disagreement.measured}`;
    case "rewrite":
      return disagreement.model === "true"
        ? "model: rewrites the table; measured: no rewrite"
        : "measured: the table was rewritten; model: no rewrite";
    case "transactional":
      return disagreement.model === "true"
        ? "model: may run in a transaction; PostgreSQL refused to run it in one"
        : "model: cannot run in a transaction; PostgreSQL ran it in one";
    default:
      return `failed: ${disagreement.measured}`;
  }
}

/**
 * Where the model and the measurement disagree, one sentence each (empty when they agree), using the
 * lock model's own comparison (`compareWithMeasurement` of @confiture/sql). One addition for replays,
 * where earlier statements run in the same transaction: a lock the transaction already held at least
 * as strongly cannot appear again in pg_locks, so a lock "missing" for that reason is not a disagreement.
 */
export function compareTrace(
  statement: Pick<Statement, "relations">,
  analysis: Pick<StatementAnalysis, "locks" | "rewrite" | "transactional">,
  measured: MeasuredStatement,
): string[] {
  const held = new Map<string, number>();
  for (const lock of measured.heldBefore ?? [])
    held.set(lock.relation, Math.max(held.get(lock.relation) ?? -1, lockRank(lock.mode)));
  return compareWithMeasurement(statement, analysis, measured)
    .filter((disagreement) => {
      if (disagreement.aspect !== "lock" || disagreement.relation === undefined) return true;
      const modelled = lockRank(disagreement.model);
      const hidden =
        (disagreement.measured === "none" || lockRank(disagreement.measured) < modelled) &&
        (held.get(disagreement.relation) ?? -1) >= modelled;
      return !hidden;
    })
    .map(describeDisagreement);
}
