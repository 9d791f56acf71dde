import { EventEmitter } from "eventemitter3";

/** The operations whose durations the linting package publishes. */
export type LintingOperation = "rule_composition" | "rule_conflict_detection" | "lint";

/** One timing event. The CLI feeds these to the SLO monitor; this package depends on no monitor. */
export interface LintingTimingEvent {
  operation: LintingOperation;
  durationMs: number;
}

/** Events of @confiture/linting. */
export interface LintingEvents {
  timing: [event: LintingTimingEvent];
}

/** Emits `timing` events for composition, conflict detection and every lint run. */
export const lintingEvents = new EventEmitter<LintingEvents>();

/** Runs `work`, then emits its duration. */
export function timed<T>(operation: LintingOperation, work: () => T): T {
  const started = performance.now();
  try {
    return work();
  } finally {
    lintingEvents.emit("timing", { operation, durationMs: performance.now() - started });
  }
}
