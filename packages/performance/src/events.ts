import { EventEmitter } from "eventemitter3";

/** Timings this package publishes as `timing` events: `{ operation, durationMs }`. The CLI feeds them to the SLO monitor. */
export interface PerformanceEvents {
  timing: (event: { operation: string; durationMs: number }) => void;
}

/** The package's event emitter (one per process). */
export const performanceEvents = new EventEmitter<PerformanceEvents>();

/** Measures `work` and publishes its duration under `operation`. */
export async function timed<T>(operation: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    performanceEvents.emit("timing", { operation, durationMs: performance.now() - started });
  }
}
