import { z } from "zod";

/** Retry on lock timeout (SQLSTATE 55P03) with exponential backoff. */
export const lockRetrySchema = z.strictObject({
  /** Extra attempts after the first one (0: no retry). */
  retries: z.number().int().min(0).default(0),
  initialDelayMs: z.number().int().min(0).default(500),
  factor: z.number().min(1).default(2),
  maxDelayMs: z.number().int().min(0).default(30_000),
});

/** How migrations run: the `migrations` section of the config, minus the directory and database. */
export const executionSettingsSchema = z.object({
  /** `SET LOCAL lock_timeout` for each migration, in milliseconds (unset: the server's). */
  lockTimeoutMs: z.number().int().min(0).optional(),
  /** `SET LOCAL statement_timeout` for each migration, in milliseconds. */
  statementTimeoutMs: z.number().int().min(0).optional(),
  lockRetry: lockRetrySchema.default({ retries: 0, initialDelayMs: 500, factor: 2, maxDelayMs: 30_000 }),
  /** A migration running longer than this raises the `long_transaction_detected` alert. */
  longTransactionMs: z.number().int().min(1).default(60_000),
  /** How long a run waits for another run's lock before giving up. */
  lockWaitMs: z.number().int().min(0).default(60_000),
  /** Per-version overrides of the timeouts. */
  overrides: z
    .record(
      z.string(),
      z.strictObject({
        lockTimeoutMs: z.number().int().min(0).optional(),
        statementTimeoutMs: z.number().int().min(0).optional(),
      }),
    )
    .default({}),
});

/** Execution settings after defaults. */
export type ExecutionSettings = z.infer<typeof executionSettingsSchema>;
/** Execution settings as a caller may give them. */
export type ExecutionSettingsInput = z.input<typeof executionSettingsSchema>;

/** The backoff before retry `attempt` (1 for the first retry). */
export function retryDelayMs(retry: ExecutionSettings["lockRetry"], attempt: number): number {
  return Math.min(retry.maxDelayMs, Math.round(retry.initialDelayMs * retry.factor ** (attempt - 1)));
}

/** The timeouts for one migration: its override, else the defaults. */
export function timeoutsFor(
  settings: ExecutionSettings,
  version: string,
): { lockTimeoutMs?: number; statementTimeoutMs?: number } {
  const override = settings.overrides[version] ?? {};
  const lockTimeoutMs = override.lockTimeoutMs ?? settings.lockTimeoutMs;
  const statementTimeoutMs = override.statementTimeoutMs ?? settings.statementTimeoutMs;
  return {
    ...(lockTimeoutMs === undefined ? {} : { lockTimeoutMs }),
    ...(statementTimeoutMs === undefined ? {} : { statementTimeoutMs }),
  };
}

/** The SQLSTATE of a driver error (`sqlState` of @confiture/db errors, `code` of pg and PGlite ones), looking through `cause`. */
export function sqlStateOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    for (const key of ["sqlState", "code"]) {
      const code = (current as Record<string, unknown>)[key];
      if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** `lock_not_available`: lock_timeout expired (or NOWAIT failed). */
export const lockNotAvailable = "55P03";

/**
 * The `migrations` section of `confiture.config.*`: where the files are, how they run, and the
 * highest risk level `up` accepts without `--force`. Unknown keys are errors, so typos surface.
 */
export const migrationsConfigSchema = z.strictObject({
  ...executionSettingsSchema.shape,
  /** The migrations directory, relative to the config file (`directory` is accepted too). */
  dir: z.string().min(1).optional(),
  directory: z.string().min(1).optional(),
  maxRiskLevel: z
    .string()
    .refine((level) => ["low", "medium", "high", "critical"].includes(level.toLowerCase()), {
      message: "must be low, medium, high or critical",
    })
    .optional(),
  /** The environment name hooks see. */
  environment: z.string().min(1).optional(),
});

/** The `migrations` config section after defaults. */
export type MigrationsConfig = z.infer<typeof migrationsConfigSchema>;
