/** A source of time in milliseconds; injected so breakers and traces can be tested without waiting. */
export interface Clock {
  now(): number;
}

/** Wall-clock milliseconds with sub-millisecond precision (epoch-based, so traces read as dates). */
export const systemClock: Clock = {
  now: () => performance.timeOrigin + performance.now(),
};
