import { EventEmitter } from "eventemitter3";

/** A duration for the SLO monitor: the CLI records `{ operation, durationMs }` samples. */
export interface TimingEvent {
  operation: "migration";
  durationMs: number;
  version: string;
  direction: "up" | "down";
}

/** A line of progress while a run goes on (the CLI prints it on stderr). */
export interface ProgressEvent {
  message: string;
  version?: string;
}

/** What a runner emits. */
export interface MigrateEventMap {
  timing: [TimingEvent];
  progress: [ProgressEvent];
}

/** The emitter type runs report to. */
export type MigrateEvents = EventEmitter<MigrateEventMap>;

/** A new emitter to pass as `events` to `migrateUp` / `migrateDown`. */
export function createMigrateEvents(): MigrateEvents {
  return new EventEmitter<MigrateEventMap>();
}
