import { delay } from "./advisory-lock.js";
import { MigrationCancelledError, MigrationFailedError } from "./errors.js";
import { describeInvalidIndexes, hookSql } from "./execute.js";
import {
  type ExecutionContext,
  executePhaseContext,
  type MigrationOutcome,
  migrationRef,
  rollbackPhaseContext,
  throwIfCancelled,
  watchDuration,
} from "./execution-context.js";
import { inspectExistingIndex } from "./index-resume.js";
import { isInvalidIndex, tableSizes } from "./introspect.js";
import type { PreparedMigration, PreparedStatement } from "./prepare.js";
import { lockNotAvailable, retryDelayMs, sqlStateOf, timeoutsFor } from "./settings.js";
import { completedStatementCount, forgetMigration, recordMigration, recordStatementHistory } from "./tracking.js";

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Runs a migration that holds statements PostgreSQL refuses inside a transaction (CREATE INDEX
 * CONCURRENTLY, ...): statement by statement, each committing on its own, each recorded in the
 * statement history as it completes. Its row is written first with state `partial`, so a failure
 * or a killed process leaves a state the next `up` resumes from the first statement that did not
 * complete. When that statement built an index concurrently and left it invalid, the invalid index
 * is dropped (concurrently) before the build is retried, and named in the progress output.
 */
export async function executeOutsideTransaction(
  context: ExecutionContext,
  migration: PreparedMigration,
  resume: boolean,
): Promise<MigrationOutcome & { resumedFrom: number }> {
  const { connection, settings } = context;
  const started = performance.now();
  const timeouts = timeoutsFor(settings, migration.version);
  const up = migration.direction === "up";
  const resumedFrom = up && resume ? await completedStatementCount(connection, migration.version) : 0;
  if (up && !resume) {
    await recordMigration(connection, {
      version: migration.version,
      name: migration.name,
      checksum: migration.checksum,
      durationMs: null,
      ...(context.appliedBy === undefined ? {} : { appliedBy: context.appliedBy }),
      transactional: false,
      state: "partial",
    });
  }
  if (resumedFrom > 0)
    context.progress(`${migration.version}: resuming at statement ${resumedFrom + 1} of ${migration.statements.length}`);
  let current: PreparedStatement | undefined;
  let attempts = 1;
  const watch = watchDuration(context, migration);
  try {
    if (timeouts.lockTimeoutMs !== undefined)
      await connection.query("SELECT set_config('lock_timeout', $1, false)", [`${timeouts.lockTimeoutMs}ms`]);
    if (timeouts.statementTimeoutMs !== undefined) {
      await connection.query("SELECT set_config('statement_timeout', $1, false)", [`${timeouts.statementTimeoutMs}ms`]);
    }
    await context.lifecycle.phase(
      "before_execute",
      executePhaseContext(context, migration, { attempt: 1, resumedFrom, ...hookSql(context, "autocommit") }),
      { transaction: "inside" },
    );
    for (const statement of migration.statements.slice(resumedFrom)) {
      current = statement;
      throwIfCancelled(context.signal, `before statement ${statement.index + 1} of ${migration.version}`);
      const existing =
        statement.createsIndex === undefined || !resume
          ? "absent"
          : await inspectExistingIndex(connection, statement.createsIndex, statement.text);
      if (statement.createsIndex !== undefined && existing !== "absent") {
        const name = `${quoteIdentifier(statement.createsIndex.schema)}.${quoteIdentifier(statement.createsIndex.name)}`;
        if (existing === "different")
          throw new Error(
            `index ${name} already exists with another definition than statement ${statement.index + 1} of ${migration.version}: drop or rename it, then run \`migrate up\` again`,
          );
        if (existing === "same") {
          // A killed run's build that the server finished: the statement is done.
          context.progress(`${migration.version}: index ${name} was built by the interrupted run; not building it again`);
          await recordStatementHistory(connection, [
            {
              version: migration.version,
              statementIndex: statement.index,
              kind: statement.kind,
              targetTable: statement.targetTable,
              tableBytes: null,
              rowEstimate: null,
              durationMs: 0,
              lockMode: statement.lockMode,
              pgMajor: context.pgMajor,
            },
          ]);
          continue;
        }
        context.progress(`${migration.version}: dropping invalid index ${name} left by an earlier failed build`);
        await connection.exec(`DROP INDEX CONCURRENTLY IF EXISTS ${name}`);
      } else if (
        statement.createsIndex !== undefined &&
        (await isInvalidIndex(connection, statement.createsIndex.schema, statement.createsIndex.name))
      ) {
        const name = `${quoteIdentifier(statement.createsIndex.schema)}.${quoteIdentifier(statement.createsIndex.name)}`;
        context.progress(`${migration.version}: dropping invalid index ${name} left by an earlier failed build`);
        await connection.exec(`DROP INDEX CONCURRENTLY IF EXISTS ${name}`);
      }
      const sizes = statement.targetTable === null ? new Map() : await tableSizes(connection, [statement.targetTable]);
      const durationMs = await runWithLockRetry(context, migration, statement, () => attempts++);
      watch.check();
      const size = statement.targetTable === null ? undefined : sizes.get(statement.targetTable);
      await recordStatementHistory(connection, [
        {
          version: migration.version,
          statementIndex: statement.index,
          kind: statement.kind,
          targetTable: statement.targetTable,
          tableBytes: size?.bytes ?? null,
          rowEstimate: size?.rowEstimate ?? null,
          durationMs,
          lockMode: statement.lockMode,
          pgMajor: context.pgMajor,
        },
      ]);
    }
    current = undefined;
    const durationMs = performance.now() - started;
    await context.lifecycle.phase(
      "after_execute",
      executePhaseContext(context, migration, { attempt: 1, resumedFrom, durationMs, ...hookSql(context, "autocommit") }),
      { transaction: "inside" },
    );
    if (up) {
      await recordMigration(connection, {
        version: migration.version,
        name: migration.name,
        checksum: migration.checksum,
        durationMs,
        ...(context.appliedBy === undefined ? {} : { appliedBy: context.appliedBy }),
        transactional: false,
        state: "applied",
      });
    } else {
      await forgetMigration(connection, migration.version);
    }
    return {
      version: migration.version,
      name: migration.name,
      direction: migration.direction,
      transactional: false,
      durationMs,
      statements: migration.statements.length,
      attempts,
      resumedFrom,
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const invalid = await describeInvalidIndexes(connection);
    const rollbackContext = rollbackPhaseContext(context, migration, error, {
      failedStatement: current?.index,
      inTransaction: false,
      invalidIndexes: invalid,
    });
    // Statements outside a transaction cannot be rolled back: the phases still fire, saying so.
    await context.lifecycle.phase("before_rollback", rollbackContext).catch(() => undefined);
    await context.lifecycle
      .phase("after_rollback", { ...rollbackContext, rolledBack: false, ...hookSql(context, "autocommit") })
      .catch(() => undefined);
    if (MigrationCancelledError.isInstance(error)) throw error;
    const leftBehind = invalid.length > 0 ? `; invalid index left behind: ${invalid.join(", ")}` : "";
    const at =
      current === undefined ? "" : ` at statement ${current.index + 1} of ${migration.statements.length} (line ${current.line})`;
    const resumable = up ? `; statements before it stay applied and \`migrate up\` resumes from it` : "";
    throw new MigrationFailedError(
      migration.version,
      `migration ${migration.version}_${migration.name} (${migration.direction}, outside a transaction) failed${at}: ${reason}${resumable}${leftBehind}`,
      { cause: error },
    );
  } finally {
    watch.stop();
    // The timeouts and any SET of the file were session-wide here: the next migration starts clean.
    await connection.exec("RESET ALL").catch(() => undefined);
  }
}

async function runWithLockRetry(
  context: ExecutionContext,
  migration: PreparedMigration,
  statement: PreparedStatement,
  onRetry: () => void,
): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const started = performance.now();
    const onAbort = () => void context.cancelRunning?.().catch(() => undefined);
    context.signal?.addEventListener("abort", onAbort, { once: true });
    try {
      await context.connection.exec(statement.text);
      return performance.now() - started;
    } catch (error) {
      if (context.signal?.aborted)
        throw new MigrationCancelledError(`cancelled during statement ${statement.index + 1} of ${migration.version}`, {
          cause: error,
        });
      if (sqlStateOf(error) !== lockNotAvailable) throw error;
      await context.lifecycle
        .alert("lock_timeout_exceeded", {
          environment: context.environment,
          migration: migrationRef(migration),
          attempt,
          statement: statement.index,
        })
        .catch(() => undefined);
      if (attempt > context.settings.lockRetry.retries) throw error;
      onRetry();
      const wait = retryDelayMs(context.settings.lockRetry, attempt);
      context.progress(`${migration.version}: lock timeout on statement ${statement.index + 1}, retry ${attempt} in ${wait} ms`);
      await delay(wait, context.signal);
    } finally {
      context.signal?.removeEventListener("abort", onAbort);
    }
  }
}
