import { EventEmitter } from "eventemitter3";

/** The operations whose durations the risk package publishes. */
export type RiskOperation = "risk_assessment" | "calibration" | "trace";

/** One timing event. The CLI feeds these to the SLO monitor; this package depends on no monitor. */
export interface RiskTimingEvent {
  operation: RiskOperation;
  durationMs: number;
}

/** Events of @confiture/risk. */
export interface RiskEvents {
  timing: [event: RiskTimingEvent];
}

/** Emits a `timing` event for every risk assessment, calibration and trace. */
export const riskEvents = new EventEmitter<RiskEvents>();

/** Emits the duration since `started` (a `performance.now()` value). */
export function emitTiming(operation: RiskOperation, started: number): void {
  riskEvents.emit("timing", { operation, durationMs: performance.now() - started });
}
