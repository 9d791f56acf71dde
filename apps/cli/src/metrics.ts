import { join } from "node:path";
import { lintingEvents } from "@confiture/linting";
import { FileMetricsStore, type MetricsStore, SloMonitor, type TimingSource } from "@confiture/monitoring";
import { performanceEvents } from "@confiture/performance";
import { riskEvents } from "@confiture/risk";
import type { CliIo } from "./io.js";

/** Where the CLI keeps its timings between invocations when no database store is configured. */
export function defaultMetricsPath(io: CliIo): string {
  return join(io.cwd, ".confiture", "metrics.jsonl");
}

/**
 * Collects the timings packages publish while one command runs, and appends them to the metrics
 * store when it ends, so `confiture slo report` covers many invocations. Metrics are advisory:
 * failing to store them never fails the command.
 */
export class CommandMetrics {
  readonly monitor = new SloMonitor();
  readonly #unsubscribers: Array<() => void> = [];

  /** Every command feeds the packages' process-wide timing events; per-run emitters (hooks, migrate) are added by their commands. */
  constructor() {
    for (const source of [lintingEvents, riskEvents, performanceEvents]) this.observe(source);
  }

  /** Feeds a package's `timing` events to the monitor for this command. */
  observe(source: TimingSource): void {
    this.#unsubscribers.push(this.monitor.observe(source));
  }

  /** Records a figure that is not a duration event (profiling overhead, accuracy). */
  record(operation: string, value: number): void {
    this.monitor.record(operation, value);
  }

  async flush(store: MetricsStore, io: CliIo): Promise<void> {
    for (const unsubscribe of this.#unsubscribers.splice(0)) unsubscribe();
    const samples = this.monitor.samples();
    if (samples.length === 0 || io.env.CONFITURE_METRICS === "off") return;
    try {
      await store.append(samples);
    } catch (error) {
      io.stderr.write(`confiture: could not store metrics (${(error as Error).message})\n`);
    }
  }
}

export function fileStore(io: CliIo, maxSamples?: number): MetricsStore {
  return new FileMetricsStore(defaultMetricsPath(io), maxSamples);
}
