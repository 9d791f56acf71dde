import type { Logger } from "pino";
import { CircuitBreaker, type CircuitState } from "./circuit-breaker.js";
import type { Clock } from "./clock.js";
import type { AnyHookDefinition } from "./define-hook.js";
import type { HookPhase } from "./events.js";
import type { CircuitBreakerOptions } from "./policies.js";

/** What outlives a phase run, per hook: its circuit breaker and its child logger (made once, reused). */
export class HookState {
  readonly #breakers = new Map<string, CircuitBreaker>();
  readonly #loggers = new Map<string, Logger>();

  constructor(
    private readonly options: {
      breaker: Partial<CircuitBreakerOptions> | false;
      logger: Logger;
      clock: Clock;
      onBreakerChange: (hook: AnyHookDefinition, state: CircuitState) => void;
    },
  ) {}

  static key(phase: HookPhase, name: string): string {
    return `${phase}\u0000${name}`;
  }

  logger(hook: AnyHookDefinition): Logger {
    const key = HookState.key(hook.phase, hook.name);
    let logger = this.#loggers.get(key);
    if (logger === undefined) {
      logger = this.options.logger.child({ phase: hook.phase, hook: hook.name });
      this.#loggers.set(key, logger);
    }
    return logger;
  }

  /** The hook's breaker, or undefined when breakers are off. */
  breaker(hook: AnyHookDefinition): CircuitBreaker | undefined {
    if (this.options.breaker === false) return undefined;
    const key = HookState.key(hook.phase, hook.name);
    let breaker = this.#breakers.get(key);
    if (breaker === undefined) {
      breaker = new CircuitBreaker(this.options.breaker, this.options.clock, (state) =>
        this.options.onBreakerChange(hook, state),
      );
      this.#breakers.set(key, breaker);
    }
    return breaker;
  }

  breakerState(phase: HookPhase, name: string): CircuitState {
    return this.#breakers.get(HookState.key(phase, name))?.state ?? "closed";
  }
}
