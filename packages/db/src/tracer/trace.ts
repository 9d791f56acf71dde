import { performance } from "node:perf_hooks";
import { DatabaseQueryError, DatabaseUsageError } from "../errors.js";
import type { Database, Queryable } from "../types.js";
import { type HeldLock, type RelationState, readOwnRelationLocks, snapshotRelations } from "./catalog-snapshot.js";
import { strongestLockPerRelation } from "./lock-modes.js";
import type { TracedLock, TraceOptions, TraceResult } from "./types.js";

const savepoint = "confiture_trace_statement";
const defaultLockTimeoutMs = 5_000;
const storageKinds = { tables: new Set(["r", "m", "t"]), indexes: new Set(["i"]) };

function lockKey(lock: HeldLock): string {
  return `${lock.oid}:${lock.mode}`;
}

function nameLocks(locks: HeldLock[], before: Map<number, RelationState>, after: Map<number, RelationState>): TracedLock[] {
  const named = new Map<string, TracedLock>();
  for (const lock of locks) {
    // Dropped relations keep the name they had before; new ones take it from the catalog. Relations in
    // neither (the transient heap of a rewrite, TOAST) are PostgreSQL's own business.
    const state = before.get(lock.oid) ?? after.get(lock.oid);
    if (state === undefined) continue;
    const ownerOid = state.ownerOid;
    const owner = ownerOid === undefined ? undefined : (before.get(ownerOid) ?? after.get(ownerOid))?.relation;
    // One entry per (name, mode): an index rebuilt under the same name has two OIDs but is one relation.
    named.set(`${state.relation}\u0000${lock.mode}`, {
      relation: state.relation,
      mode: lock.mode,
      locktype: lock.locktype,
      kind: state.kind,
      ...(owner === undefined ? {} : { owner }),
    });
  }
  return [...named.values()].sort(
    (left, right) => left.relation.localeCompare(right.relation) || left.mode.localeCompare(right.mode),
  );
}

function compareStorage(before: Map<number, RelationState>, after: Map<number, RelationState>) {
  const rewritten = new Set<string>();
  const rewrittenIndexes = new Set<string>();
  const created = new Map<string, RelationState>();
  const dropped = new Map<string, RelationState>();
  const replaced = (state: RelationState) => {
    if (storageKinds.tables.has(state.kind)) rewritten.add(state.relation);
    else if (storageKinds.indexes.has(state.kind)) rewrittenIndexes.add(state.relation);
  };
  for (const [oid, state] of after) {
    const previous = before.get(oid);
    if (previous === undefined) created.set(state.relation, state);
    else if (previous.relfilenode !== 0 && previous.relfilenode !== state.relfilenode) replaced(state);
  }
  for (const [oid, state] of before) if (!after.has(oid)) dropped.set(state.relation, state);
  // Dropped and created again under the same name in one statement (ALTER COLUMN TYPE rebuilds the
  // indexes on the column that way): a rebuild, not a new relation.
  for (const [relation, state] of created) {
    if (dropped.get(relation)?.kind !== state.kind) continue;
    created.delete(relation);
    dropped.delete(relation);
    replaced(state);
  }
  const sorted = (names: Iterable<string>) => [...names].sort();
  return {
    rewritten: sorted(rewritten),
    rewrittenIndexes: sorted(rewrittenIndexes),
    created: sorted(created.keys()),
    dropped: sorted(dropped.keys()),
  };
}

function emptyResult(sql: string, durationMs: number, heldBefore: TracedLock[]): TraceResult {
  return {
    sql,
    transactional: true,
    locks: [],
    allLocks: [],
    heldBefore,
    rewritten: [],
    rewrittenIndexes: [],
    created: [],
    dropped: [],
    durationMs,
  };
}

async function setTimeouts(connection: Queryable, statementMs: string, lockMs: string): Promise<void> {
  await connection.query("SELECT set_config('statement_timeout', $1, true), set_config('lock_timeout', $2, true)", [
    statementMs,
    lockMs,
  ]);
}

async function traceOne(connection: Queryable, sql: string, options: TraceOptions): Promise<TraceResult> {
  const before = await snapshotRelations(connection);
  const locksBefore = await readOwnRelationLocks(connection);
  const heldKeys = new Set(locksBefore.map(lockKey));
  const heldBefore = nameLocks(locksBefore, before, before);
  const { rows } = await connection.query<{ statement: string; lock: string }>(
    "SELECT current_setting('statement_timeout') AS statement, current_setting('lock_timeout') AS lock",
  );
  await connection.exec(`SAVEPOINT ${savepoint}`);
  await setTimeouts(connection, String(options.timeoutMs ?? 0), String(options.lockTimeoutMs ?? defaultLockTimeoutMs));
  const started = performance.now();
  let failure: unknown;
  try {
    await connection.query(sql);
  } catch (error) {
    failure = error;
  }
  const durationMs = performance.now() - started;
  if (failure !== undefined) {
    if (!DatabaseQueryError.isInstance(failure)) throw failure;
    await connection.exec(`ROLLBACK TO SAVEPOINT ${savepoint}`);
    await connection.exec(`RELEASE SAVEPOINT ${savepoint}`);
    const result = emptyResult(sql, durationMs, heldBefore);
    if (failure.sqlState === "25001") {
      return {
        ...result,
        transactional: false,
        note: `PostgreSQL refused to run it inside a transaction block (${failure.message}), so it was not executed and its locks were not measured.`,
      };
    }
    return { ...result, error: { message: failure.message, sqlState: failure.sqlState } };
  }
  // Back to the caller's timeouts so our own catalog queries are never cut short.
  await setTimeouts(connection, rows[0]?.statement ?? "0", rows[0]?.lock ?? "0");
  const locksAfter = await readOwnRelationLocks(connection);
  const after = await snapshotRelations(connection);
  try {
    // Fails when the statement itself ended the transaction (COMMIT, ROLLBACK): stop before anything else runs.
    await connection.exec(`RELEASE SAVEPOINT ${savepoint}`);
  } catch (error) {
    throw new DatabaseUsageError(
      `The traced statement ended the tracing transaction, so what it and the setup did may have been committed: ${sql.slice(0, 200)}. ` +
        "Do not trace transaction control statements (BEGIN, COMMIT, ROLLBACK).",
      { cause: error },
    );
  }
  const allLocks = nameLocks(
    locksAfter.filter((lock) => !heldKeys.has(lockKey(lock))),
    before,
    after,
  );
  return {
    sql,
    transactional: true,
    locks: strongestLockPerRelation(allLocks),
    allLocks,
    heldBefore,
    ...compareStorage(before, after),
    durationMs,
  };
}

/**
 * Run statements one after the other in ONE transaction on one connection, each seeing the effects of
 * the ones before, and measure what each locks and rewrites; everything is rolled back at the end.
 * A failing statement is rolled back to its savepoint (its result carries `error`) and the next ones
 * still run. `setup` runs first in the same transaction; if it fails, this throws.
 */
export async function traceScript(
  database: Database,
  statements: readonly string[],
  options: TraceOptions = {},
): Promise<TraceResult[]> {
  return database.withConnection(async (connection) => {
    await connection.exec("BEGIN");
    try {
      if (options.setup !== undefined && options.setup.trim() !== "") await connection.exec(options.setup);
      const results: TraceResult[] = [];
      for (const sql of statements) results.push(await traceOne(connection, sql, options));
      return results;
    } finally {
      // Always: whatever setup and the statements did must not survive the trace.
      await connection.exec("ROLLBACK").catch(() => undefined);
    }
  });
}

/**
 * Measure what one statement locks (from `pg_locks` of our own backend) and rewrites (relfilenode before
 * and after), inside a transaction that is always rolled back. Statements that cannot run in a transaction
 * block come back with `transactional: false`; a failing statement comes back with `error`.
 */
export async function traceStatement(database: Database, sql: string, options: TraceOptions = {}): Promise<TraceResult> {
  const [result] = await traceScript(database, [sql], options);
  if (result === undefined) throw new DatabaseUsageError("Tracing returned no result.");
  return result;
}
