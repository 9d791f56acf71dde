import { z } from "zod";

/** How a phase orders its hooks. */
export const executionStrategySchema = z.enum(["sequential", "parallel", "dag"]);
/** `executionStrategySchema` after validation. */
export type ExecutionStrategy = z.infer<typeof executionStrategySchema>;

/**
 * What a failing hook does to its phase: `fail-fast` stops the phase and aborts what still runs;
 * `fail-safe` records and continues; `retry` retries with backoff, then fails the phase like
 * fail-fast; `alert-only` continues and raises a `hook_failed` alert.
 */
export const errorStrategySchema = z.enum(["fail-fast", "fail-safe", "retry", "alert-only"]);
/** `errorStrategySchema` after validation. */
export type ErrorStrategy = z.infer<typeof errorStrategySchema>;

/** What hooks may do to the context: nothing (frozen), change it for everyone, or change their own copy. */
export const contextMutationSchema = z.enum(["immutable", "mutable", "copy-on-write"]);
/** `contextMutationSchema` after validation. */
export type ContextMutation = z.infer<typeof contextMutationSchema>;

/** Exponential backoff of the `retry` strategy: delay n = min(initialDelayMs * factor^(n-1), maxDelayMs). */
export const retryPolicySchema = z.object({
  maxAttempts: z.number().int().min(1).default(3),
  initialDelayMs: z.number().nonnegative().default(100),
  factor: z.number().min(1).default(2),
  maxDelayMs: z.number().nonnegative().default(30_000),
});
/** `retryPolicySchema` after validation. */
export type RetryPolicy = z.infer<typeof retryPolicySchema>;

/** How one phase runs its hooks. Every field has a default (see `defaultPhaseConfig`). */
export const phaseConfigSchema = z.object({
  strategy: executionStrategySchema.default("sequential"),
  /** Hooks running at once under `parallel` and `dag`. */
  concurrency: z.number().int().min(1).default(8),
  /** The whole phase; when it passes, running hooks are aborted and the phase fails. `null`: no limit. */
  timeoutMs: z.number().positive().nullable().default(300_000),
  /** Each attempt of each hook, unless the hook sets its own. `null`: no limit. */
  hookTimeoutMs: z.number().positive().nullable().default(30_000),
  errorStrategy: errorStrategySchema.default("fail-fast"),
  retry: retryPolicySchema.default({ maxAttempts: 3, initialDelayMs: 100, factor: 2, maxDelayMs: 30_000 }),
  contextMutation: contextMutationSchema.default("immutable"),
});
/** `phaseConfigSchema` after validation. */
export type PhaseConfig = z.infer<typeof phaseConfigSchema>;
/** A phase config as written by people: every field optional. */
export type PhaseConfigInput = z.input<typeof phaseConfigSchema>;

/**
 * A phase config as people write it (config files): every field optional and no defaults filled in,
 * so it can be merged over another config.
 */
export const phaseConfigOverrideSchema = z.strictObject({
  strategy: executionStrategySchema.optional(),
  concurrency: z.number().int().min(1).optional(),
  timeoutMs: z.number().positive().nullable().optional(),
  hookTimeoutMs: z.number().positive().nullable().optional(),
  errorStrategy: errorStrategySchema.optional(),
  retry: z
    .strictObject({
      maxAttempts: z.number().int().min(1).optional(),
      initialDelayMs: z.number().nonnegative().optional(),
      factor: z.number().min(1).optional(),
      maxDelayMs: z.number().nonnegative().optional(),
    })
    .optional(),
  contextMutation: contextMutationSchema.optional(),
});

/** The defaults: sequential, fail-fast, 8 at once, 30 s per hook, 5 min per phase, frozen context. */
export const defaultPhaseConfig: PhaseConfig = Object.freeze(phaseConfigSchema.parse({}));

/** Options of the per-hook circuit breakers. */
export const circuitBreakerOptionsSchema = z.object({
  /** Consecutive failed executions (after retries) that open the breaker. */
  failureThreshold: z.number().int().min(1).default(5),
  /** How long an open breaker skips the hook before one half-open probe runs. */
  recoveryTimeMs: z.number().nonnegative().default(60_000),
});
/** `circuitBreakerOptionsSchema` after validation. */
export type CircuitBreakerOptions = z.infer<typeof circuitBreakerOptionsSchema>;

/** The delay before attempt `failedAttempts + 1`, after `failedAttempts` failures (1-based). */
export function backoffDelay(failedAttempts: number, policy: RetryPolicy): number {
  const delay = policy.initialDelayMs * policy.factor ** Math.max(0, failedAttempts - 1);
  return Math.min(delay, policy.maxDelayMs);
}

/** Merges a partial config over a full one; nested `retry` is merged key by key. */
export function mergePhaseConfig(base: PhaseConfig, override: PhaseConfigInput | undefined): PhaseConfig {
  if (override === undefined) return base;
  const merged = { ...base, ...override, retry: { ...base.retry, ...override.retry } };
  return phaseConfigSchema.parse(merged);
}
