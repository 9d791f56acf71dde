export { Alert, alerts, HookPhase, hookFailedAlert, hookPhases, isHookPhase, StateEvent, stateEvents } from "./events.js";
export {
  dryRunContextSchema,
  errorInfoSchema,
  executionContextSchema,
  migrationPlanContextSchema,
  migrationRefSchema,
  phaseContextSchemas,
  riskAssessmentSchema,
  rollbackContextSchema,
  schemaAnalysisContextSchema,
  schemaDiffContextSchema,
  validationContextSchema,
} from "./contexts.js";
export type {
  DryRunContext,
  ErrorInfo,
  ExecutionContext,
  MigrationPlanContext,
  MigrationRef,
  PhaseContextInput,
  PhaseContextMap,
  RiskAssessment,
  RollbackContext,
  SchemaAnalysisContext,
  SchemaDiffContext,
  SqlExecutor,
  SqlMode,
  HookSqlSession,
  ValidationContext,
} from "./contexts.js";
export { validateContext } from "./validate-context.js";
export { defineHook, hookTransaction } from "./define-hook.js";
export type {
  AnyHookDefinition,
  HookDefinition,
  HookKind,
  HookResult,
  HookReturn,
  HookRunOptions,
  HookTransaction,
} from "./define-hook.js";
export {
  backoffDelay,
  circuitBreakerOptionsSchema,
  contextMutationSchema,
  defaultPhaseConfig,
  errorStrategySchema,
  executionStrategySchema,
  phaseConfigSchema,
  retryPolicySchema,
} from "./policies.js";
export type {
  CircuitBreakerOptions,
  ContextMutation,
  ErrorStrategy,
  ExecutionStrategy,
  PhaseConfig,
  PhaseConfigInput,
  RetryPolicy,
} from "./policies.js";
export { HookExecutor, HookExecutor as HookRegistry } from "./executor.js";
export type { HookExecutorOptions, RunPhaseOptions } from "./executor.js";
export type {
  AlertMessage,
  HookExecutionResult,
  HookExecutorEvents,
  HookTimingEvent,
  PhaseResult,
  StateEventMessage,
} from "./executor-events.js";
export { CircuitBreaker } from "./circuit-breaker.js";
export type { CircuitState } from "./circuit-breaker.js";
export { systemClock } from "./clock.js";
export type { Clock } from "./clock.js";
export { buildDependencyGraph, planPhase } from "./plan.js";
export type { PhasePlan } from "./plan.js";
export { criticalPath, hookRan, Tracer } from "./trace.js";
export type { CriticalPath, ExecutionTrace, HookStatus, HookTraceRecord } from "./trace.js";
export { copyOnWrite, deepFreeze } from "./context-view.js";
export {
  HookCancelledError,
  HookConfigError,
  HookContextError,
  HookFailedError,
  HookGraphError,
  HookRegistrationError,
  HooksError,
  HookTimeoutError,
} from "./errors.js";
export type { HooksErrorCode } from "./errors.js";
export { phaseConfigOverrideSchema } from "./policies.js";
export { planGraph, toDot, toMermaid, traceGraph } from "./graph-export.js";
export type { HookGraph, HookGraphNode } from "./graph-export.js";
export { hookEntrySchema, hooksConfigSchema, loadHooksFromConfig, parseHooksConfig } from "./config.js";
export type { ConfigHookFunction, HookEntry, HooksConfig, HooksConfigInput, LoadedHooks, LoadHooksOptions } from "./config.js";
export { sqlHook } from "./builtin/sql-hook.js";
export type { SqlHookSpec } from "./builtin/sql-hook.js";
export { runShellCommand, shellHook } from "./builtin/shell-hook.js";
export type { ShellHookSpec } from "./builtin/shell-hook.js";
export { webhookHook } from "./builtin/webhook-hook.js";
export type { WebhookHookSpec } from "./builtin/webhook-hook.js";
