import { strongestLock, isLockMode } from "./lock-modes.js";
import { relationKey } from "./relations.js";
import type { LockMode, Statement, StatementAnalysis } from "./types.js";

/** What a tracer measured for one statement (the shape of `@confiture/db`'s TraceResult, structurally). */
export interface MeasuredStatement {
  transactional: boolean;
  locks: ReadonlyArray<{ relation: string; mode: string }>;
  /** Tables whose storage was replaced. */
  rewritten: readonly string[];
  /** Indexes whose storage was replaced. */
  rewrittenIndexes?: readonly string[];
  error?: { message: string } | undefined;
}

/** One difference between the lock model and a measurement. */
export interface Disagreement {
  aspect: "lock" | "rewrite" | "transactional" | "error";
  relation?: string;
  model: string;
  measured: string;
}

/**
 * Compare the model's verdict with what was measured, on the relations the statement names (not
 * those it creates): the strongest lock per relation, the rewrite flag (some named relation got new
 * storage) and, for statements PostgreSQL refuses in a transaction block, `transactional` only.
 */
export function compareWithMeasurement(
  statement: Pick<Statement, "relations">,
  analysis: Pick<StatementAnalysis, "locks" | "rewrite" | "transactional">,
  measured: MeasuredStatement,
): Disagreement[] {
  if (measured.error !== undefined) return [{ aspect: "error", model: "runs", measured: measured.error.message }];
  if (!measured.transactional || !analysis.transactional) {
    return measured.transactional === analysis.transactional
      ? []
      : [{ aspect: "transactional", model: String(analysis.transactional), measured: String(measured.transactional) }];
  }
  const disagreements: Disagreement[] = [];
  const named = [...new Set(statement.relations.filter((relation) => relation.created !== true).map(relationKey))];
  const storageReplaced = new Set([...measured.rewritten, ...(measured.rewrittenIndexes ?? [])]);
  let measuredRewrite = false;
  for (const relation of named) {
    const modelMode = analysis.locks.find((lock) => lock.relation === relation)?.mode;
    const measuredModes = measured.locks.filter((lock) => lock.relation === relation).map((lock) => lock.mode);
    const measuredMode = strongestLock(measuredModes.filter(isLockMode) as LockMode[]);
    if (modelMode !== measuredMode) {
      disagreements.push({ aspect: "lock", relation, model: modelMode ?? "none", measured: measuredMode ?? "none" });
    }
    if (storageReplaced.has(relation)) measuredRewrite = true;
  }
  if (measuredRewrite !== analysis.rewrite) {
    disagreements.push({ aspect: "rewrite", model: String(analysis.rewrite), measured: String(measuredRewrite) });
  }
  return disagreements;
}
