import { MigrationCancelledError, MigrationFailedError } from "./errors.js";
import { errorInfo, type ExecutionContext, type MigrationOutcome, type MigrationRef, migrationRef } from "./execution-context.js";
import { executeOutsideTransaction } from "./execute-outside.js";
import { executeInTransaction } from "./execute.js";
import type { MigrationFile, UnrecognizedFile } from "./files.js";
import { type GateFile, type GateVerdict, checkGates } from "./gates.js";
import { introspectTables } from "./introspect.js";
import type { Direction, PreparedMigration } from "./prepare.js";
import { diffMigrationSets } from "./schema-diff.js";
import type { RunOptions, RunSession } from "./session.js";
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

/** What a run did. `status` is `ok` when every planned migration completed (or, in a dry run, would run). */
export interface RunResult {
  direction: Direction;
  status: "ok" | "failed" | "cancelled";
  dryRun: boolean;
  /** The database URL without its password. */
  database: string;
  plan: PlannedMigration[];
  completed: MigrationOutcome[];
  failure?: { version: string; message: string; code?: string };
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
    try {
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
    } catch (error) {
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
    await lifecycle.phase("before_validate", { ...base, migrations: refs });
    const applied = await readAppliedMigrations(connection);
    result.validation = await validateDatabase(connection, applied, plan.files);
    await lifecycle.phase("after_validate", { ...base, migrations: refs, checks: result.validation.checks });
  }
  result.durationMs = performance.now() - started;
  return result;
}
