import type { LockAcquisition } from "@confiture/sql";
import { blocksWrites, lockRank } from "./operations.js";
import type { DurationPrediction, PredictionMethod } from "./predict.js";

/** A duration with bounds. */
export interface Bounds {
  estimateMs: number;
  lowerMs: number;
  upperMs: number;
}

/** One statement as the downtime aggregation sees it. */
export interface TimedStatement {
  prediction: DurationPrediction;
  locks: readonly LockAcquisition[];
  /** Relations the statement's locks are on that other sessions can see (not created in the same transaction). */
  visibleRelations: ReadonlySet<string>;
  /**
   * Tables whose rows an UPDATE, DELETE or MERGE locks: writes to those rows wait until the locks are
   * released (at COMMIT in a transaction), though the table lock (RowExclusiveLock) blocks nobody.
   */
  rowLocks?: readonly string[];
}

/**
 * Downtime of a migration or a set of them. `estimateMs`, `lowerMs` and `upperMs` are the longest
 * time ordinary writes to one table are blocked; `totalDuration` is how long everything runs.
 */
export interface Downtime extends Bounds {
  confidence: number;
  method: PredictionMethod;
  caveats: string[];
  /** The strongest lock taken on a table other sessions use, or null. */
  lock: (LockAcquisition & { blocksWrites: boolean }) | null;
  /** The table whose writes are blocked longest, or null. */
  blockedRelation: string | null;
  /** Every table whose reads or writes (of some rows at least) are blocked, with how long. */
  blocked: { relation: string; estimateMs: number }[];
  totalDuration: Bounds;
}

const zero: Bounds = { estimateMs: 0, lowerMs: 0, upperMs: 0 };
const add = (left: Bounds, right: Bounds): Bounds => ({
  estimateMs: left.estimateMs + right.estimateMs,
  lowerMs: left.lowerMs + right.lowerMs,
  upperMs: left.upperMs + right.upperMs,
});
const rounded = (bounds: Bounds): Bounds => ({
  estimateMs: Math.round(bounds.estimateMs * 100) / 100,
  lowerMs: Math.round(bounds.lowerMs * 100) / 100,
  upperMs: Math.round(bounds.upperMs * 100) / 100,
});

/** Confidence weighted by each statement's share of the estimated time, method of the longest statement. */
function summarise(predictions: readonly DurationPrediction[]): {
  confidence: number;
  method: PredictionMethod;
  caveats: string[];
} {
  const total = predictions.reduce((sum, prediction) => sum + prediction.estimateMs, 0);
  const confidence =
    predictions.length === 0
      ? 1
      : total > 0
        ? predictions.reduce((sum, prediction) => sum + prediction.confidence * prediction.estimateMs, 0) / total
        : Math.min(...predictions.map((prediction) => prediction.confidence));
  const longest = [...predictions].sort((a, b) => b.estimateMs - a.estimateMs)[0];
  return {
    confidence: Math.round(Math.min(1, Math.max(0, confidence)) * 1000) / 1000,
    method: longest?.method ?? "heuristic",
    caveats: [...new Set(predictions.flatMap((prediction) => prediction.caveats))],
  };
}

/**
 * The downtime of one migration file. In a transaction, a lock is held from the statement that takes
 * it until COMMIT, so the hold on a table is the sum of the durations from that statement to the end
 * of the file; outside one, each statement releases its locks when it ends.
 */
export function migrationDowntime(statements: readonly TimedStatement[], transactional: boolean): Downtime {
  const holds = new Map<string, Bounds>();
  let strongest: Downtime["lock"] = null;
  const hold = (relation: string, index: number) => {
    const statement = statements[index]!;
    const held = transactional
      ? statements.slice(index).reduce((sum, later) => add(sum, later.prediction), zero)
      : statement.prediction;
    const previous = holds.get(relation);
    // In a transaction the first blocking lock on a table gives the longest hold; outside, the longest statement.
    if (previous === undefined || (!transactional && held.estimateMs > previous.estimateMs)) holds.set(relation, held);
  };
  statements.forEach((statement, index) => {
    for (const relation of statement.rowLocks ?? []) if (statement.visibleRelations.has(relation)) hold(relation, index);
    for (const lock of statement.locks) {
      if (!statement.visibleRelations.has(lock.relation)) continue;
      if (strongest === null || lockRank(lock.mode) > lockRank(strongest.mode)) {
        strongest = { relation: lock.relation, mode: lock.mode, blocksWrites: blocksWrites(lock.mode) };
      }
      if (blocksWrites(lock.mode)) hold(lock.relation, index);
    }
  });
  let blockedRelation: string | null = null;
  let blocked = zero;
  for (const [relation, bounds] of holds) {
    if (blockedRelation === null || bounds.estimateMs > blocked.estimateMs) {
      blockedRelation = relation;
      blocked = bounds;
    }
  }
  const predictions = statements.map((statement) => statement.prediction);
  return {
    ...rounded(blocked),
    ...summarise(predictions),
    lock: strongest,
    blockedRelation,
    blocked: [...holds].map(([relation, bounds]) => ({ relation, estimateMs: Math.round(bounds.estimateMs * 100) / 100 })),
    totalDuration: rounded(predictions.reduce<Bounds>((sum, prediction) => add(sum, prediction), zero)),
  };
}

/**
 * The downtime of several migrations run one after another: each commits before the next starts, so
 * the longest block is the worst single migration's, and the total duration is the sum.
 */
export function combineDowntimes(migrations: readonly Downtime[], predictions: readonly DurationPrediction[]): Downtime {
  let worst: Downtime | undefined;
  for (const migration of migrations) if (worst === undefined || migration.estimateMs > worst.estimateMs) worst = migration;
  let strongest: Downtime["lock"] = null;
  for (const migration of migrations) {
    if (migration.lock !== null && (strongest === null || lockRank(migration.lock.mode) > lockRank(strongest.mode))) {
      strongest = migration.lock;
    }
  }
  return {
    estimateMs: worst?.estimateMs ?? 0,
    lowerMs: worst?.lowerMs ?? 0,
    upperMs: worst?.upperMs ?? 0,
    ...summarise(predictions),
    lock: strongest,
    blockedRelation: worst?.blockedRelation ?? null,
    blocked: migrations.flatMap((migration) => migration.blocked),
    totalDuration: rounded(migrations.reduce<Bounds>((sum, migration) => add(sum, migration.totalDuration), zero)),
  };
}
