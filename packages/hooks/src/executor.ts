import { EventEmitter } from "eventemitter3";
import pino, { type Logger } from "pino";
import type { CircuitState } from "./circuit-breaker.js";
import { type Clock, systemClock } from "./clock.js";
import { contextViews } from "./context-view.js";
import { validateContext } from "./validate-context.js";
import type { PhaseContextInput, PhaseContextMap } from "./contexts.js";
import { type AnyHookDefinition, type HookDefinition, type HookTransaction, hookTransaction } from "./define-hook.js";
import { HookCancelledError, HookRegistrationError } from "./errors.js";
import { type Alert, type HookPhase, isHookPhase, type StateEvent } from "./events.js";
import type { HookExecutionResult, HookExecutorEvents, PhaseResult } from "./executor-events.js";
import { type PhaseAbort, phaseAbort } from "./phase-abort.js";
import { type PhasePlan, planPhase } from "./plan.js";
import {
  type CircuitBreakerOptions,
  defaultPhaseConfig,
  mergePhaseConfig,
  type PhaseConfig,
  type PhaseConfigInput,
} from "./policies.js";
import { brokenExecution, executeHook, type HookExecution } from "./run-hook.js";
import { HookState } from "./hook-state.js";
import { runStrategy } from "./strategies.js";
import { Tracer } from "./trace.js";

/** Options of a `HookExecutor`. */
export interface HookExecutorOptions {
  /** Applied to every phase, over the defaults. */
  defaults?: PhaseConfigInput;
  /** Per phase, over `defaults`. */
  phases?: Partial<Record<HookPhase, PhaseConfigInput>>;
  /** Per-hook circuit breakers; `false` turns them off. */
  circuitBreaker?: Partial<CircuitBreakerOptions> | false;
  logger?: Logger;
  /** Time source for traces and breakers (tests inject one). */
  clock?: Clock;
  /** Keeps every phase run's trace (default: a tracer keeping the latest 100). */
  tracer?: Tracer;
}

/** Options of one `runPhase` call. */
export interface RunPhaseOptions {
  /** Aborting it cancels the phase (running hooks get their signal aborted). */
  signal?: AbortSignal;
  /** Overrides the phase's config for this run only. */
  config?: PhaseConfigInput;
  /** Runs only the hooks that run there (see `hookTransaction`); all of them when left out. */
  transaction?: HookTransaction;
}

/**
 * Registers hooks per phase and runs them with the phase's strategy, error strategy, timeouts,
 * context policy and per-hook circuit breakers. Observers subscribe with `on(...)` (eventemitter3).
 */
export class HookExecutor {
  /** The emitter behind `on`/`off`. To feed the SLO monitor, pass the executor itself: `monitor.observe(executor)`. */
  readonly events = new EventEmitter<HookExecutorEvents>();
  /** The traces of the phase runs so far (`executor.tracer.traces()`). */
  readonly tracer: Tracer;
  readonly #hooks = new Map<HookPhase, AnyHookDefinition[]>();
  readonly #configs = new Map<HookPhase, PhaseConfig>();
  readonly #plans = new Map<string, PhasePlan>();
  readonly #state: HookState;
  readonly #base: PhaseConfig;
  readonly #clock: Clock;

  constructor(options: HookExecutorOptions = {}) {
    this.#base = mergePhaseConfig(defaultPhaseConfig, options.defaults);
    for (const [phase, config] of Object.entries(options.phases ?? {})) {
      if (!isHookPhase(phase)) throw new HookRegistrationError(`unknown phase "${phase}"`);
      this.#configs.set(phase, mergePhaseConfig(this.#base, config));
    }
    this.#clock = options.clock ?? systemClock;
    this.#state = new HookState({
      breaker: options.circuitBreaker ?? {},
      logger: options.logger ?? pino({ level: "silent" }),
      clock: this.#clock,
      onBreakerChange: (hook, state) => this.events.emit("breaker", { phase: hook.phase, hook: hook.name, state }),
    });
    this.tracer = options.tracer ?? new Tracer();
  }

  /** Adds a hook. Names are unique within a phase. */
  register<P extends HookPhase>(hook: HookDefinition<P>): this;
  /** Adds a hook built elsewhere (from a config, a built-in kind). */
  register(hook: AnyHookDefinition): this;
  register(hook: AnyHookDefinition): this {
    return this.#add(hook);
  }

  /** Adds several hooks (e.g. those `loadHooksFromConfig` returns). */
  registerAll(hooks: Iterable<AnyHookDefinition>): this {
    for (const hook of hooks) this.#add(hook);
    return this;
  }

  #add(hook: AnyHookDefinition): this {
    if (!isHookPhase(hook.phase)) throw new HookRegistrationError(`hook "${hook.name}" has an unknown phase "${hook.phase}"`);
    if (typeof hook.run !== "function") throw new HookRegistrationError(`hook "${hook.name}" has no run function`);
    const list = this.#hooks.get(hook.phase) ?? [];
    if (list.some((existing) => existing.name === hook.name)) {
      throw new HookRegistrationError(`a hook named "${hook.name}" is already registered in phase "${hook.phase}"`);
    }
    list.push(hook);
    this.#hooks.set(hook.phase, list);
    this.#forget(hook.phase);
    return this;
  }

  #forget(phase: HookPhase): void {
    for (const key of [phase, `${phase}:inside`, `${phase}:outside`]) this.#plans.delete(key);
  }

  /** Removes a hook; says whether it was there. */
  unregister(phase: HookPhase, name: string): boolean {
    const list = this.#hooks.get(phase) ?? [];
    const index = list.findIndex((hook) => hook.name === name);
    if (index < 0) return false;
    list.splice(index, 1);
    this.#forget(phase);
    return true;
  }

  /** The hooks of a phase in registration order, or of every phase. */
  hooks(phase?: HookPhase): readonly AnyHookDefinition[] {
    if (phase !== undefined) return this.#hooks.get(phase) ?? [];
    return [...this.#hooks.values()].flat();
  }

  /** Changes how a phase runs (merged over its current config). */
  configure(phase: HookPhase, config: PhaseConfigInput): this {
    this.#configs.set(phase, mergePhaseConfig(this.phaseConfig(phase), config));
    this.#forget(phase);
    return this;
  }

  /** The config a phase runs with. */
  phaseConfig(phase: HookPhase): PhaseConfig {
    return this.#configs.get(phase) ?? this.#base;
  }

  /**
   * The phase's hooks in start order with their links; throws `HookGraphError` for a bad DAG. Cached.
   * With `transaction`, only the hooks that run there (a `dependsOn` across the two sides is a missing dependency).
   */
  plan(phase: HookPhase, transaction?: HookTransaction): PhasePlan {
    const key = transaction === undefined ? phase : `${phase}:${transaction}`;
    let plan = this.#plans.get(key);
    if (plan === undefined) {
      plan = planPhase(phase, this.#selected(phase, transaction), this.phaseConfig(phase));
      this.#plans.set(key, plan);
    }
    return plan;
  }

  #selected(phase: HookPhase, transaction: HookTransaction | undefined): readonly AnyHookDefinition[] {
    const hooks = this.hooks(phase);
    return transaction === undefined ? hooks : hooks.filter((hook) => hookTransaction(hook) === transaction);
  }

  /** The breaker state of a hook (closed until it has run and failed). */
  breakerState(phase: HookPhase, name: string): CircuitState {
    return this.#state.breakerState(phase, name);
  }

  /**
   * Validates the context (`HookContextError` if it does not match the phase's schema), then runs
   * the phase's hooks. Hook failures are results, not exceptions; a bad DAG throws `HookGraphError`.
   */
  async runPhase<P extends HookPhase>(
    phase: P,
    context: PhaseContextInput[P],
    options: RunPhaseOptions = {},
  ): Promise<PhaseResult<P>> {
    const parsed = validateContext(phase, context);
    const plan =
      options.config === undefined
        ? this.plan(phase, options.transaction)
        : planPhase(phase, this.#selected(phase, options.transaction), mergePhaseConfig(this.phaseConfig(phase), options.config));
    const { config } = plan;
    const views = contextViews(parsed as object, config.contextMutation);
    const aborter = phaseAbort(phase, config.timeoutMs, options.signal);
    let failure: Error | undefined;
    const startedAt = this.#clock.now();
    if (this.events.listenerCount("phase:start") > 0)
      this.events.emit("phase:start", { phase, hooks: plan.hooks.map((hook) => hook.name) });
    const executions = await runStrategy(plan, {
      signal: aborter.signal,
      now: () => this.#clock.now(),
      run: async (hook, after) => {
        const errorStrategy = hook.errorStrategy ?? config.errorStrategy;
        const hookStartedAt = this.#clock.now();
        // An observer that throws must not leave the phase hanging: the hook is recorded as failed.
        const execution = await this.#execute(hook, after, views.forHook(), config, aborter).catch((error: unknown) =>
          brokenExecution(
            hook.name,
            hookStartedAt,
            this.#clock.now(),
            error instanceof Error ? error : new Error(String(error)),
            after,
          ),
        );
        const { status, error } = execution.result;
        const fatal =
          (status === "failed" || status === "timed_out") && (errorStrategy === "fail-fast" || errorStrategy === "retry");
        if (fatal && failure === undefined) {
          failure = error;
          aborter.abort(
            new HookCancelledError(`hook "${hook.name}" failed; phase "${phase}" stopped (${errorStrategy})`, { cause: error }),
          );
        }
        return execution;
      },
    });
    aborter.dispose();
    if (failure === undefined && aborter.signal.aborted) failure = aborter.signal.reason as Error;
    const endedAt = this.#clock.now();
    const result: PhaseResult<P> = {
      phase,
      success: failure === undefined,
      results: executions.map((execution) => execution.result),
      trace: {
        phase,
        strategy: config.strategy,
        startedAt,
        endedAt,
        durationMs: endedAt - startedAt,
        records: executions.map((execution) => execution.record).sort((left, right) => left.startedAt - right.startedAt),
      },
      context: views.shared as PhaseContextMap[P],
    };
    if (failure !== undefined) result.error = failure;
    this.tracer.record(result.trace);
    this.events.emit("phase:end", result as unknown as PhaseResult);
    return result;
  }

  async #execute(
    hook: AnyHookDefinition,
    after: readonly string[],
    context: unknown,
    config: PhaseConfig,
    aborter: PhaseAbort,
  ): Promise<HookExecution> {
    const execution = await executeHook(hook, {
      phase: hook.phase,
      phaseSignal: aborter.signal,
      watchAbort: aborter.watch,
      clock: this.#clock,
      logger: this.#state.logger(hook),
      events: this.events,
      errorStrategy: hook.errorStrategy ?? config.errorStrategy,
      retry: hook.retry === undefined ? config.retry : { ...config.retry, ...hook.retry },
      timeoutMs: hook.timeoutMs ?? config.hookTimeoutMs,
      breaker: this.#state.breaker(hook),
      context,
      after,
    });
    if (this.events.listenerCount("hook:end") > 0) this.events.emit("hook:end", { phase: hook.phase, result: execution.result });
    return execution;
  }

  /** Fires a state event: listeners of its name and of `state` receive `{ event, at, payload }`. */
  emit(event: StateEvent, payload: Record<string, unknown> = {}): void {
    const message = { event, at: this.#clock.now(), payload };
    this.events.emit(event, message);
    this.events.emit("state", message);
  }

  /** Raises an alert: listeners of its name and of `alert` receive `{ alert, at, payload }`. */
  alert(alert: Alert, payload: Record<string, unknown> = {}): void {
    const message = { alert, at: this.#clock.now(), payload };
    this.events.emit(alert, message);
    this.events.emit("alert", message);
  }

  /** Subscribes to an executor event (phase, hook, timing, breaker, state event or alert). */
  on<E extends keyof HookExecutorEvents>(event: E, listener: HookExecutorEvents[E]): this {
    this.events.on(event, listener as never);
    return this;
  }

  /** Subscribes for one event only. */
  once<E extends keyof HookExecutorEvents>(event: E, listener: HookExecutorEvents[E]): this {
    this.events.once(event, listener as never);
    return this;
  }

  /** Unsubscribes. */
  off<E extends keyof HookExecutorEvents>(event: E, listener: HookExecutorEvents[E]): this {
    this.events.off(event, listener as never);
    return this;
  }
}

/** Re-exported for callers that import the executor module alone. */
export type { HookExecutionResult };
