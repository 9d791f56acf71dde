import { z } from "zod";
import { HookPhase } from "./events.js";

/**
 * How the statements of a context's `sql` executor commit: `transaction` (they join the
 * migration's transaction, whose rollback undoes them) or `autocommit` (each commits at once and
 * survives whatever happens to the migration).
 */
export type SqlMode = "transaction" | "autocommit";

/**
 * Runs SQL for hooks. The migration runner supplies it in the execute and rollback contexts: in the
 * migration's transaction for hooks that run inside it, on an autocommit session otherwise (`mode`).
 */
export interface SqlExecutor {
  exec(sql: string): Promise<void>;
  /** How its statements commit (see `SqlMode`). */
  readonly mode?: SqlMode;
  /**
   * Opens a session for one attempt of one hook. The executor gives the hook `session.executor`
   * instead of this one and calls `session.end(completed)` when the attempt is over (even when the
   * hook still runs after a timeout): the session then stops the hook's SQL on the server, revokes
   * its executor (later `exec` calls throw) and, in a transaction, releases or rolls back the
   * hook's savepoint. The attempt's result is known only once `end` resolved; if `end` rejects, the
   * attempt failed.
   */
  forHook?(hook: string): HookSqlSession;
}

/** One hook attempt's SQL session (see `SqlExecutor.forHook`). */
export interface HookSqlSession {
  executor: SqlExecutor;
  end(completed: boolean): Promise<void>;
}

/** Accepts any object with an `exec` function; kept by reference (never cloned or frozen). */
const sqlExecutorSchema = z.custom<SqlExecutor>(
  (value) => typeof value === "object" && value !== null && typeof (value as { exec?: unknown }).exec === "function",
  { message: "sql must be an object with an exec(sql) function" },
);

/** One migration as hooks see it. */
export const migrationRefSchema = z.looseObject({
  version: z.string().min(1),
  name: z.string(),
  checksum: z.string().optional(),
  path: z.string().optional(),
});
/** `migrationRefSchema` after validation. */
export type MigrationRef = z.infer<typeof migrationRefSchema>;

/** An error as data, so it survives JSON (shell and webhook hooks) and freezing. */
export const errorInfoSchema = z.looseObject({
  name: z.string(),
  message: z.string(),
  code: z.string().optional(),
  stack: z.string().optional(),
});
/** `errorInfoSchema` after validation. */
export type ErrorInfo = z.infer<typeof errorInfoSchema>;

/** What every context carries: where it runs and whether anything will really change. */
const baseShape = {
  environment: z.string().default("local"),
  dryRun: z.boolean().default(false),
  metadata: z.record(z.string(), z.unknown()).optional(),
};

/** Context of `before/after_analyze_schema`: the schemas being introspected and, after, what was found. */
export const schemaAnalysisContextSchema = z.looseObject({
  ...baseShape,
  schemas: z.array(z.string()).default(["public"]),
  tables: z
    .array(
      z.looseObject({
        schema: z.string(),
        name: z.string(),
        rowEstimate: z.number().optional(),
        sizeBytes: z.number().optional(),
      }),
    )
    .optional(),
  durationMs: z.number().nonnegative().optional(),
});

/** One difference between two schemas. */
const schemaChangeSchema = z.looseObject({ kind: z.string(), object: z.string(), detail: z.string().optional() });

/** Context of `before/after_diff_schemas`: the two sides and, after, the changes between them. */
export const schemaDiffContextSchema = z.looseObject({
  ...baseShape,
  source: z.string(),
  target: z.string(),
  changes: z.array(schemaChangeSchema).default([]),
});

/** The risk assessment attached to a plan (the shape `@confiture/risk` reports, reduced to what hooks need). */
export const riskAssessmentSchema = z.looseObject({
  score: z.number(),
  level: z.enum(["low", "medium", "high", "critical"]),
  downtimeEstimateMs: z.number().nonnegative().optional(),
  factors: z.array(z.looseObject({ name: z.string(), value: z.number() })).optional(),
});
/** `riskAssessmentSchema` after validation. */
export type RiskAssessment = z.infer<typeof riskAssessmentSchema>;

/** Context of `before/after_plan_migration`: the pending migrations and their risk assessment. */
export const migrationPlanContextSchema = z.looseObject({
  ...baseShape,
  direction: z.enum(["up", "down"]).default("up"),
  migrations: z.array(migrationRefSchema),
  riskAssessment: riskAssessmentSchema.optional(),
});

/** Context of `before/after_dry_run`: what would run, and after, how it went. */
export const dryRunContextSchema = z.looseObject({
  ...baseShape,
  migrations: z.array(migrationRefSchema),
  statementCount: z.number().int().nonnegative().optional(),
  estimatedDurationMs: z.number().nonnegative().optional(),
  durationMs: z.number().nonnegative().optional(),
});

/** Context of `before/after_execute`: one migration being applied, inside its transaction. */
export const executionContextSchema = z.looseObject({
  ...baseShape,
  direction: z.enum(["up", "down"]).default("up"),
  migration: migrationRefSchema,
  plan: z.array(migrationRefSchema).optional(),
  appliedCount: z.number().int().nonnegative().optional(),
  durationMs: z.number().nonnegative().optional(),
  sql: sqlExecutorSchema.optional(),
  /** How this hook's `sql` statements commit: in the migration's transaction, or each on its own. */
  sqlMode: z.enum(["transaction", "autocommit"]).optional(),
});

/** Context of `before/after_rollback`: why the run is rolled back, and the error that caused it. */
export const rollbackContextSchema = z.looseObject({
  ...baseShape,
  migration: migrationRefSchema.optional(),
  reason: z.string().min(1),
  originalError: errorInfoSchema.optional(),
  sql: sqlExecutorSchema.optional(),
  sqlMode: z.enum(["transaction", "autocommit"]).optional(),
});

/** Context of `before/after_validate`: the migrations checked and, after, the checks' outcomes. */
export const validationContextSchema = z.looseObject({
  ...baseShape,
  migrations: z.array(migrationRefSchema),
  checks: z.array(z.looseObject({ name: z.string(), passed: z.boolean(), message: z.string().optional() })).optional(),
});

/** `schemaAnalysisContextSchema` after validation. */
export type SchemaAnalysisContext = z.infer<typeof schemaAnalysisContextSchema>;
/** `schemaDiffContextSchema` after validation. */
export type SchemaDiffContext = z.infer<typeof schemaDiffContextSchema>;
/** `migrationPlanContextSchema` after validation. */
export type MigrationPlanContext = z.infer<typeof migrationPlanContextSchema>;
/** `dryRunContextSchema` after validation. */
export type DryRunContext = z.infer<typeof dryRunContextSchema>;
/** `executionContextSchema` after validation. */
export type ExecutionContext = z.infer<typeof executionContextSchema>;
/** `rollbackContextSchema` after validation. */
export type RollbackContext = z.infer<typeof rollbackContextSchema>;
/** `validationContextSchema` after validation. */
export type ValidationContext = z.infer<typeof validationContextSchema>;

/** The zod schema of each phase's context. Before and after share one schema; after fills in results. */
export const phaseContextSchemas = {
  [HookPhase.BEFORE_ANALYZE_SCHEMA]: schemaAnalysisContextSchema,
  [HookPhase.AFTER_ANALYZE_SCHEMA]: schemaAnalysisContextSchema,
  [HookPhase.BEFORE_DIFF_SCHEMAS]: schemaDiffContextSchema,
  [HookPhase.AFTER_DIFF_SCHEMAS]: schemaDiffContextSchema,
  [HookPhase.BEFORE_PLAN_MIGRATION]: migrationPlanContextSchema,
  [HookPhase.AFTER_PLAN_MIGRATION]: migrationPlanContextSchema,
  [HookPhase.BEFORE_DRY_RUN]: dryRunContextSchema,
  [HookPhase.AFTER_DRY_RUN]: dryRunContextSchema,
  [HookPhase.BEFORE_EXECUTE]: executionContextSchema,
  [HookPhase.AFTER_EXECUTE]: executionContextSchema,
  [HookPhase.BEFORE_VALIDATE]: validationContextSchema,
  [HookPhase.AFTER_VALIDATE]: validationContextSchema,
  [HookPhase.BEFORE_ROLLBACK]: rollbackContextSchema,
  [HookPhase.AFTER_ROLLBACK]: rollbackContextSchema,
} as const;

type Schemas = typeof phaseContextSchemas;

/** The context a hook of each phase receives (after validation and defaults). */
export type PhaseContextMap = { [P in HookPhase]: z.output<Schemas[P]> };

/** What a caller passes to `runPhase` for each phase (before defaults are applied). */
export type PhaseContextInput = { [P in HookPhase]: z.input<Schemas[P]> };
