import { MigrationCancelledError, MigrationFailedError } from "./errors.js";
import {
  errorInfo,
  type ExecutionContext,
  executePhaseContext,
  type MigrationOutcome,
  type MigrationRef,
  migrationRef,
} from "./execution-context.js";
import { connectionLost, connectionLostMessage } from "./connection-lost.js";
import { executeOutsideTransaction } from "./execute-outside.js";
import { executeInTransaction } from "./execute.js";
import type { MigrationFile, UnrecognizedFile } from "./files.js";
import { type GateFile, type GateVerdict, checkGates } from "./gates.js";
import { introspectTables } from "./introspect.js";
import { HookPhaseFailedError, type Lifecycle, type LifecyclePhase, type PhaseSelection } from "./lifecycle.js";
import type { Direction, PreparedMigration } from "./prepare.js";
import { diffMigrationSets } from "./schema-diff.js";
import type { RunOptions, RunSession } from "./session.js";
import { sqlStateOf } from "./settings.js";
import { readAppliedMigrations } from "./tracking.js";
import { type ValidationReport, validateDatabase } from "./validate.js";

/** One migration of a plan. */
export interface PlannedMigration {
  version: string;
  name: string;
  path: string;
  direction: Direction;
  /** False: it runs statement by statement outside a transaction. */
  transactional: boolean;
  statements: number;
  /** A partial migration (stopped part way outside a transaction) that this run resumes. */
  resume: boolean;
}

/**
 * What a run did. `status` is `ok` when every planned migration completed (or, in a dry run, would
 * run); `post_commit_failed` when what was applied stays applied but a check after its COMMIT failed
 * (`postCommitFailure`: nothing was rolled back, the CLI exits 4).
 */
export interface RunResult {
  direction: Direction;
  status: "ok" | "failed" | "cancelled" | "post_commit_failed";
  dryRun: boolean;
  /** The database URL without its password. */
  database: string;
  plan: PlannedMigration[];
  completed: MigrationOutcome[];
  failure?: { version: string; message: string; code?: string };
  /** A failure after COMMIT: a validate hook, or an after_execute hook that runs outside the transaction. */
  postCommitFailure?: { phase: LifecyclePhase; version?: string; message: string };
  gates?: GateVerdict;
  validation?: ValidationReport;
  unrecognized: UnrecognizedFile[];
  durationMs: number;
}

/** The migrations a run plans, with the file sets on each side of it (for the schema diff). */
export interface RunPlan {
  direction: Direction;
  migrations: PreparedMigration[];
  resume: Set<string>;
  files: MigrationFile[];
  /** Migrations in the schema before the run, and after it. */
  before: MigrationFile[];
  after: MigrationFile[];
  unrecognized: UnrecognizedFile[];
}

function plannedOf(plan: RunPlan): PlannedMigration[] {
  return plan.migrations.map((migration) => ({
    version: migration.version,
    name: migration.name,
    path: migration.path,
    direction: migration.direction,
    transactional: migration.transactional,
    statements: migration.statements.length,
    resume: plan.resume.has(migration.version),
  }));
}

/**
 * Fires a phase that runs after something was committed. Its failure cannot roll anything back: it
 * is recorded as a post-commit failure (status `post_commit_failed` unless the run already failed),
 * with the `post_commit_check_failed` event. Says whether the phase succeeded.
 */
export async function postCommitPhase(
  result: RunResult,
  lifecycle: Lifecycle,
  phase: LifecyclePhase,
  context: Record<string, unknown>,
  version?: string,
  selection?: PhaseSelection,
): Promise<boolean> {
  try {
    await lifecycle.phase(phase, context, selection);
    return true;
  } catch (error) {
    if (!HookPhaseFailedError.isInstance(error)) throw error;
    const applied = result.completed.length;
    const what =
      applied === 0
        ? "nothing was applied by this run; a check after it failed"
        : `${applied} migration(s) ${result.direction === "up" ? "applied" : "reverted"}, then a post-commit check failed`;
    const message = `${what}: ${error.message}; ${applied === 0 ? "the database is unchanged" : "they stay committed (nothing was rolled back)"}`;
    result.postCommitFailure ??= { phase, ...(version === undefined ? {} : { version }), message };
    if (result.status === "ok") result.status = "post_commit_failed";
    await lifecycle
      .event("post_commit_check_failed", {
        environment: context.environment,
        phase,
        ...(version === undefined ? {} : { version }),
        applied,
        reason: message,
      })
      .catch(() => undefined);
    return false;
  }
}

/**
 * Fires every phase of a run in order: analyze schema, diff schemas, plan (with the gates, on
 * `up`), then either dry run or execute per migration, then validate. State events fire per
 * migration. The first failure stops the run: that migration is rolled back and the rest stay pending.
 */
export async function runPlan(session: RunSession, options: RunOptions, plan: RunPlan): Promise<RunResult> {
  const started = performance.now();
  const { lifecycle, connection, environment } = session;
  const dryRun = options.dryRun === true;
  const base = { environment, dryRun };
  const refs: MigrationRef[] = plan.migrations.map(migrationRef);
  const result: RunResult = {
    direction: plan.direction,
    status: "ok",
    dryRun,
    database: options.database.displayUrl,
    plan: plannedOf(plan),
    completed: [],
    unrecognized: plan.unrecognized,
    durationMs: 0,
  };

  await lifecycle.phase("before_analyze_schema", { ...base, schemas: ["public"] });
  const analyzeStarted = performance.now();
  const tables = await introspectTables(connection);
  await lifecycle.phase("after_analyze_schema", {
    ...base,
    schemas: [...new Set(["public", ...tables.map((table) => table.schema)])],
    tables: tables.map((table) => ({
      schema: table.schema,
      name: table.name,
      rowEstimate: table.rowEstimate,
      sizeBytes: table.bytes,
    })),
    durationMs: performance.now() - analyzeStarted,
  });

  const source = `${plan.before.length} applied migration(s)`;
  const target = `${plan.after.length} migration(s) after ${plan.direction} of ${plan.migrations.length}`;
  await lifecycle.phase("before_diff_schemas", { ...base, source, target, changes: [] });
  const diff = await diffMigrationSets(plan.before, plan.after);
  await lifecycle.phase("after_diff_schemas", {
    ...base,
    source,
    target,
    changes: diff.changes,
    ...(diff.diff === undefined ? {} : { diff: diff.diff }),
    ...(diff.error === undefined ? {} : { error: diff.error }),
  });

  await lifecycle.phase("before_plan_migration", { ...base, direction: plan.direction, migrations: refs });
  if (plan.direction === "up") {
    const gateFile = (file: MigrationFile): GateFile => ({
      version: file.version,
      name: file.name,
      path: file.upPath,
      sql: file.upSql,
    });
    const pending = new Set(plan.migrations.map((migration) => migration.version));
    const gateFiles = plan.files.filter((file) => pending.has(file.version)).map(gateFile);
    result.gates = await checkGates(options.gates ?? {}, options, gateFiles, {
      database: session.database,
      allFiles: plan.files.map(gateFile),
    });
  }
  const risk = result.gates?.risk;
  await lifecycle.phase("after_plan_migration", {
    ...base,
    direction: plan.direction,
    migrations: refs,
    ...(risk === undefined
      ? {}
      : {
          riskAssessment: {
            score: risk.score ?? 0,
            level: risk.level.toLowerCase(),
            ...(risk.downtimeEstimateMs === undefined ? {} : { downtimeEstimateMs: risk.downtimeEstimateMs }),
          },
        }),
    ...(result.gates === undefined ? {} : { gates: result.gates }),
  });

  if (dryRun) {
    const statementCount = plan.migrations.reduce((sum, migration) => sum + migration.statements.length, 0);
    await lifecycle.phase("before_dry_run", { ...base, migrations: refs, statementCount });
    for (const migration of plan.migrations)
      session.progress(
        `would ${plan.direction === "up" ? "apply" : "revert"} ${migration.version}_${migration.name}`,
        migration.version,
      );
    await lifecycle.phase("after_dry_run", {
      ...base,
      migrations: refs,
      statementCount,
      durationMs: performance.now() - started,
    });
    result.durationMs = performance.now() - started;
    return result;
  }

  const context: ExecutionContext = {
    connection,
    settings: session.settings,
    lifecycle,
    pgMajor: session.pgMajor,
    environment,
    plan: refs,
    appliedCount: 0,
    progress: session.progress,
    ...(options.appliedBy === undefined ? {} : { appliedBy: options.appliedBy }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(session.cancelRunning === undefined ? {} : { cancelRunning: session.cancelRunning }),
  };
  for (const migration of plan.migrations) {
    const eventPayload = { environment, direction: migration.direction, migration: migrationRef(migration), plan: refs };
    if (options.signal?.aborted) {
      // Cancelled between migrations: nothing of this one ran, so there is nothing to roll back.
      result.status = "cancelled";
      result.failure = { version: migration.version, message: "cancelled before it started" };
      await lifecycle
        .event("migration_cancelled", { ...eventPayload, reason: "cancelled before it started" })
        .catch(() => undefined);
      break;
    }
    const verb = migration.direction === "up" ? "applying" : "reverting";
    session.progress(
      `${verb} ${migration.version}_${migration.name}${migration.transactional ? "" : " (outside a transaction)"}`,
      migration.version,
    );
    await lifecycle.event("migration_started", eventPayload);
    const outside = { transaction: "outside" } as const;
    try {
      if (lifecycle.wants?.("before_execute", outside) ?? true) {
        // Before BEGIN, on a connection of their own: nothing of the migration has run yet.
        await session
          .hookConnection((sql) =>
            lifecycle.phase(
              "before_execute",
              { ...executePhaseContext(context, migration, { attempt: 1 }), sql, sqlMode: sql.mode },
              outside,
            ),
          )
          .catch((error: unknown) => {
            if (!HookPhaseFailedError.isInstance(error)) throw error;
            throw new MigrationFailedError(
              migration.version,
              `migration ${migration.version}_${migration.name} (${migration.direction}) was not started: ${error.message}`,
              { cause: error },
            );
          });
      }
      const outcome = migration.transactional
        ? await executeInTransaction(context, migration)
        : await executeOutsideTransaction(context, migration, plan.resume.has(migration.version));
      result.completed.push(outcome);
      context.appliedCount += 1;
      options.events?.emit("timing", {
        operation: "migration",
        durationMs: outcome.durationMs,
        version: outcome.version,
        direction: outcome.direction,
      });
      session.progress(
        `${migration.direction === "up" ? "applied" : "reverted"} ${migration.version}_${migration.name} in ${outcome.durationMs.toFixed(1)} ms`,
        migration.version,
      );
      await lifecycle.event("migration_completed", { ...eventPayload, durationMs: outcome.durationMs });
      if (lifecycle.wants?.("after_execute", outside) ?? true) {
        // After COMMIT, on a connection of their own, only for a migration that was applied (Flyway's afterEachMigrate).
        const checked = await session.hookConnection((sql) =>
          postCommitPhase(
            result,
            lifecycle,
            "after_execute",
            {
              ...executePhaseContext(context, migration, { attempt: outcome.attempts, durationMs: outcome.durationMs }),
              sql,
              sqlMode: sql.mode,
            },
            migration.version,
            outside,
          ),
        );
        // A failure there cannot undo this migration; the rest stay pending.
        if (!checked) break;
      }
    } catch (error) {
      if (connectionLost(error)) {
        // Nothing more can run on this session: say what was running and what the database now holds.
        const message = connectionLostMessage(migration, error, await session.trackedState(migration.version));
        result.status = "failed";
        result.failure = { version: migration.version, message, code: sqlStateOf(error) ?? "connection_lost" };
        await lifecycle
          .event("migration_failed", { ...eventPayload, reason: message, error: errorInfo(error) })
          .catch(() => undefined);
        result.durationMs = performance.now() - started;
        return result;
      }
      const cancelled = MigrationCancelledError.isInstance(error);
      result.status = cancelled ? "cancelled" : "failed";
      const message = error instanceof Error ? error.message : String(error);
      const code = errorInfo(error).code;
      result.failure = { version: migration.version, message, ...(code === undefined ? {} : { code }) };
      await lifecycle
        .event(cancelled ? "migration_cancelled" : "migration_failed", {
          ...eventPayload,
          reason: message,
          error: errorInfo(error),
        })
        .catch(() => undefined);
      if (!cancelled && !MigrationFailedError.isInstance(error)) throw error;
      break;
    }
  }

  if (result.status !== "cancelled") {
    // After the COMMITs: a failing validate hook reports a failed check, it cannot roll anything back.
    if (await postCommitPhase(result, lifecycle, "before_validate", { ...base, migrations: refs })) {
      const applied = await readAppliedMigrations(connection);
      result.validation = await validateDatabase(connection, applied, plan.files);
      await postCommitPhase(result, lifecycle, "after_validate", { ...base, migrations: refs, checks: result.validation.checks });
    }
  }
  result.durationMs = performance.now() - started;
  return result;
}
