import { type Clock, systemClock } from "./clock.js";
import { type CircuitBreakerOptions, circuitBreakerOptionsSchema } from "./policies.js";

/** `closed` runs the hook; `open` skips it; `half-open` lets one probe through. */
export type CircuitState = "closed" | "open" | "half-open";

/**
 * A per-hook circuit breaker. Consecutive failed executions open it; after the recovery time one
 * probe runs half-open: its success closes the breaker, its failure opens it again.
 */
export class CircuitBreaker {
  readonly options: CircuitBreakerOptions;
  #state: CircuitState = "closed";
  #consecutiveFailures = 0;
  #openedAt = 0;
  #probeInFlight = false;
  readonly #clock: Clock;
  readonly #onChange: ((state: CircuitState) => void) | undefined;

  constructor(
    options: Partial<CircuitBreakerOptions> = {},
    clock: Clock = systemClock,
    onChange?: (state: CircuitState) => void,
  ) {
    this.options = circuitBreakerOptionsSchema.parse(options);
    this.#clock = clock;
    this.#onChange = onChange;
  }

  /** The state now; an open breaker whose recovery time has passed reads as half-open. */
  get state(): CircuitState {
    if (this.#state === "open" && this.#clock.now() - this.#openedAt >= this.options.recoveryTimeMs) return "half-open";
    return this.#state;
  }

  get consecutiveFailures(): number {
    return this.#consecutiveFailures;
  }

  /** Whether the hook may run now. In half-open state only the first caller gets the probe. */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === "closed") return true;
    if (state === "open" || this.#probeInFlight) return false;
    this.#probeInFlight = true;
    this.#transition("half-open");
    return true;
  }

  recordSuccess(): void {
    this.#probeInFlight = false;
    this.#consecutiveFailures = 0;
    if (this.#state !== "closed") this.#transition("closed");
  }

  recordFailure(): void {
    this.#consecutiveFailures += 1;
    const probeFailed = this.#probeInFlight;
    this.#probeInFlight = false;
    if (probeFailed || this.#consecutiveFailures >= this.options.failureThreshold) {
      this.#openedAt = this.#clock.now();
      this.#transition("open");
    }
  }

  /** A run that ended without a verdict (cancelled): a probe goes back to open, ready to probe again. */
  release(): void {
    if (!this.#probeInFlight) return;
    this.#probeInFlight = false;
    this.#transition("open");
  }

  #transition(state: CircuitState): void {
    if (this.#state === state) return;
    this.#state = state;
    this.#onChange?.(state);
  }
}
