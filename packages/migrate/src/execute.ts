import type { Queryable } from "@confiture/db";
import { delay } from "./advisory-lock.js";
import { MigrationCancelledError, MigrationFailedError } from "./errors.js";
import {
  type ExecutionContext,
  executePhaseContext,
  type MigrationOutcome,
  migrationRef,
  rollbackPhaseContext,
  throwIfCancelled,
  watchDuration,
} from "./execution-context.js";
import { hookSqlExecutor } from "./hook-sql.js";
import { findInvalidIndexes, tableSizes } from "./introspect.js";
import type { PreparedMigration, PreparedStatement } from "./prepare.js";
import { lockNotAvailable, retryDelayMs, sqlStateOf, timeoutsFor } from "./settings.js";
import { recordOutcome, type StatementHistoryRecord } from "./tracking.js";

function timeoutStatements(timeouts: { lockTimeoutMs?: number; statementTimeoutMs?: number }): string {
  const statements: string[] = [];
  if (timeouts.lockTimeoutMs !== undefined) statements.push(`SET LOCAL lock_timeout = '${Math.trunc(timeouts.lockTimeoutMs)}ms'`);
  if (timeouts.statementTimeoutMs !== undefined)
    statements.push(`SET LOCAL statement_timeout = '${Math.trunc(timeouts.statementTimeoutMs)}ms'`);
  return statements.map((statement) => ` ${statement};`).join("");
}

/** Runs one statement, interrupting it on the server when the run is cancelled. */
async function runStatement(context: ExecutionContext, statement: PreparedStatement): Promise<number> {
  throwIfCancelled(context.signal, `before statement ${statement.index + 1}`);
  const onAbort = () => void context.cancelRunning?.().catch(() => undefined);
  context.signal?.addEventListener("abort", onAbort, { once: true });
  const started = performance.now();
  try {
    await context.connection.exec(statement.text);
  } catch (error) {
    if (context.signal?.aborted)
      throw new MigrationCancelledError(`cancelled during statement ${statement.index + 1}`, { cause: error });
    throw error;
  } finally {
    context.signal?.removeEventListener("abort", onAbort);
  }
  return performance.now() - started;
}

function historyRecord(
  migration: PreparedMigration,
  statement: PreparedStatement,
  durationMs: number,
  sizes: Map<string, { bytes: number; rowEstimate: number }>,
  pgMajor: number,
): StatementHistoryRecord {
  const size = statement.targetTable === null ? undefined : sizes.get(statement.targetTable);
  return {
    version: migration.version,
    statementIndex: statement.index,
    kind: statement.kind,
    targetTable: statement.targetTable,
    tableBytes: size?.bytes ?? null,
    rowEstimate: size?.rowEstimate ?? null,
    durationMs,
    lockMode: statement.lockMode,
    pgMajor,
  };
}

/** The `sql` executor of a phase context and the mode it says it runs in. */
export function hookSql(context: ExecutionContext, mode: "transaction" | "autocommit") {
  return {
    sql: hookSqlExecutor({
      connection: context.connection,
      mode,
      ...(context.cancelRunning === undefined ? {} : { cancel: context.cancelRunning }),
    }),
    sqlMode: mode,
  };
}

/**
 * Checks from the database that a COMMIT committed: PostgreSQL answers the COMMIT of an aborted
 * transaction with a ROLLBACK and no error, so the tracking row is read back.
 */
async function checkCommitted(context: ExecutionContext, migration: PreparedMigration): Promise<void> {
  const { rows } = await context.connection.query<{ applied: boolean }>(
    "SELECT EXISTS (SELECT 1 FROM confiture.migrations WHERE version = $1 AND state = 'applied') AS applied",
    [migration.version],
  );
  const applied = rows[0]?.applied === true;
  if (applied === (migration.direction === "up")) return;
  throw new Error(
    `its COMMIT did not commit: the transaction had been aborted (a statement failed while the run went on), so the server rolled it back; nothing of it was ${migration.direction === "up" ? "applied" : "reverted"}`,
  );
}

/** Rolls back, firing the rollback phases around it (their failures cannot stop a rollback). */
async function rollBack(context: ExecutionContext, migration: PreparedMigration, error: unknown, statement: number | undefined) {
  const rollbackContext = rollbackPhaseContext(context, migration, error, { failedStatement: statement, inTransaction: true });
  // The transaction is aborted here, so before_rollback hooks get no SQL executor; after_rollback ones run on the idle session.
  await context.lifecycle.phase("before_rollback", rollbackContext).catch(() => undefined);
  // A cancel request can land on the ROLLBACK itself; try twice. If both fail the session ends and the server rolls back.
  await context.connection.exec("ROLLBACK").catch(() => context.connection.exec("ROLLBACK").catch(() => undefined));
  await context.lifecycle
    .phase("after_rollback", { ...rollbackContext, rolledBack: true, ...hookSql(context, "autocommit") })
    .catch(() => undefined);
  await context.lifecycle.event("migration_rolled_back", { ...rollbackContext, rolledBack: true }).catch(() => undefined);
}

/**
 * Runs a migration in one transaction with its tracking writes: all of it commits or none of it.
 * `before_execute` and `after_execute` run inside the transaction, so a fail-fast hook failure
 * rolls the migration back. A lock timeout is retried with backoff when configured.
 */
export async function executeInTransaction(context: ExecutionContext, migration: PreparedMigration): Promise<MigrationOutcome> {
  const { connection, settings } = context;
  const timeouts = timeoutsFor(settings, migration.version);
  const targets = migration.statements.flatMap((statement) => (statement.targetTable === null ? [] : [statement.targetTable]));
  for (let attempt = 1; ; attempt++) {
    const started = performance.now();
    const watch = watchDuration(context, migration);
    let current: number | undefined;
    try {
      throwIfCancelled(context.signal, `before ${migration.version}`);
      // One round trip: BEGIN and the SET LOCALs (the values are whole numbers checked by the settings schema).
      await connection.exec(`BEGIN;${timeoutStatements(timeouts)}`);
      const sizes = await tableSizes(connection, targets);
      await context.lifecycle.phase(
        "before_execute",
        executePhaseContext(context, migration, { attempt, ...hookSql(context, "transaction") }),
        { transaction: "inside" },
      );
      const history: StatementHistoryRecord[] = [];
      for (const statement of migration.statements) {
        current = statement.index;
        const durationMs = await runStatement(context, statement);
        watch.check();
        history.push(historyRecord(migration, statement, durationMs, sizes, context.pgMajor));
      }
      current = undefined;
      const durationMs = performance.now() - started;
      await recordOutcome(
        connection,
        migration.direction === "up"
          ? {
              direction: "up",
              record: {
                version: migration.version,
                name: migration.name,
                checksum: migration.checksum,
                durationMs,
                ...(context.appliedBy === undefined ? {} : { appliedBy: context.appliedBy }),
                transactional: true,
                state: "applied",
              },
            }
          : { direction: "down", version: migration.version },
        history,
      );
      await context.lifecycle.phase(
        "after_execute",
        executePhaseContext(context, migration, { attempt, durationMs, ...hookSql(context, "transaction") }),
        { transaction: "inside" },
      );
      throwIfCancelled(context.signal, `before committing ${migration.version}`);
      // RESET ALL: a plain SET in one migration (search_path, lock_timeout) must not leak into the next.
      await connection.exec("COMMIT; RESET ALL");
      await checkCommitted(context, migration);
      return {
        version: migration.version,
        name: migration.name,
        direction: migration.direction,
        transactional: true,
        durationMs,
        statements: migration.statements.length,
        attempts: attempt,
      };
    } catch (error) {
      const lockTimedOut = sqlStateOf(error) === lockNotAvailable && !context.signal?.aborted;
      if (lockTimedOut) {
        await context.lifecycle
          .alert("lock_timeout_exceeded", {
            environment: context.environment,
            migration: migrationRef(migration),
            attempt,
            statement: current,
            lockTimeoutMs: timeouts.lockTimeoutMs,
          })
          .catch(() => undefined);
      }
      if (lockTimedOut && attempt <= settings.lockRetry.retries) {
        await connection.exec("ROLLBACK").catch(() => undefined);
        const wait = retryDelayMs(settings.lockRetry, attempt);
        context.progress(`${migration.version}: lock timeout, retry ${attempt}/${settings.lockRetry.retries} in ${wait} ms`);
        await delay(wait, context.signal);
        continue;
      }
      await rollBack(context, migration, error, current);
      if (MigrationCancelledError.isInstance(error)) throw error;
      const where = current === undefined ? "" : ` at statement ${current + 1}`;
      throw new MigrationFailedError(
        migration.version,
        `migration ${migration.version}_${migration.name} (${migration.direction}) failed${where} and was rolled back: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    } finally {
      watch.stop();
    }
  }
}

/** Names of invalid indexes, for a failure message that says what was left behind. */
export async function describeInvalidIndexes(connection: Queryable): Promise<string[]> {
  const invalid = await findInvalidIndexes(connection).catch(() => []);
  return invalid.map((index) => `${index.schema}.${index.name} (on ${index.table})`);
}
