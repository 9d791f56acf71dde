import { isLockMode, lockModeStrength, strongestLock } from "./lock-modes.js";
import { relationKey } from "./relations.js";
import type { LockMode, Statement, StatementAnalysis } from "./types.js";

/** What a tracer measured for one statement (the shape of `@confiture/db`'s TraceResult, structurally). */
export interface MeasuredStatement {
  transactional: boolean;
  /** Every relation lock taken; `owner` names the table of an index, or of a sequence a column owns. */
  locks: ReadonlyArray<{ relation: string; mode: string; owner?: string | undefined }>;
  /** Tables whose storage was replaced. */
  rewritten: readonly string[];
  /** Indexes whose storage was replaced. */
  rewrittenIndexes?: readonly string[];
  /** Relations the statement created: nobody else can see them, so their locks block nobody. */
  created?: readonly string[];
  error?: { message: string } | undefined;
}

/** One difference between the lock model and a measurement. */
export interface Disagreement {
  aspect: "lock" | "rewrite" | "transactional" | "error";
  relation?: string;
  model: string;
  measured: string;
}

const strongest = (modes: readonly string[]) => strongestLock(modes.filter(isLockMode) as LockMode[]);

/**
 * Compare the model's verdict with what was measured, on every relation either of them locks: the
 * strongest lock per relation, the rewrite flag (some relation got new storage) and, for statements
 * PostgreSQL refuses in a transaction block, `transactional` only. Relations the statement creates
 * are left out. A rewrite is a relation the statement names, or a table the model locks (a partition), getting new storage. An index, or a sequence a column owns, that the model does not list is accepted when
 * the model locks its table at least as strongly (PostgreSQL opens a table's indexes and sequences
 * with the table's mode or a weaker one); a stronger lock on one (REINDEX) must be modelled.
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
  const created = new Set(measured.created ?? []);
  const modelModes = new Map(analysis.locks.map((lock) => [lock.relation, lock.mode]));
  const owners = new Map(
    measured.locks.flatMap((lock) => (lock.owner === undefined ? [] : [[lock.relation, lock.owner] as const])),
  );
  const relations = new Set([...analysis.locks.map((lock) => lock.relation), ...measured.locks.map((lock) => lock.relation)]);
  const disagreements: Disagreement[] = [];
  for (const relation of [...relations].sort()) {
    if (created.has(relation)) continue;
    const modelMode = modelModes.get(relation);
    const measuredMode = strongest(measured.locks.filter((lock) => lock.relation === relation).map((lock) => lock.mode));
    if (modelMode === measuredMode) continue;
    const owner = owners.get(relation);
    const ownerMode = owner === undefined ? undefined : modelModes.get(owner);
    const implied =
      modelMode === undefined &&
      measuredMode !== undefined &&
      ownerMode !== undefined &&
      lockModeStrength(ownerMode) >= lockModeStrength(measuredMode);
    if (!implied) disagreements.push({ aspect: "lock", relation, model: modelMode ?? "none", measured: measuredMode ?? "none" });
  }
  // A rewrite is of what the statement names (an index rebuilt by REINDEX TABLE is not the table's rewrite).
  const named = new Set(statement.relations.filter((relation) => relation.created !== true).map(relationKey));
  const storageReplaced =
    measured.rewritten.some((relation) => named.has(relation) || (modelModes.has(relation) && !created.has(relation))) ||
    (measured.rewrittenIndexes ?? []).some((relation) => named.has(relation));
  if (storageReplaced !== analysis.rewrite) {
    disagreements.push({ aspect: "rewrite", model: String(analysis.rewrite), measured: String(storageReplaced) });
  }
  return disagreements;
}
