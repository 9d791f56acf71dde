import { join } from "node:path";
import type { Environment, Sample, TimingSource } from "@confiture/monitoring";
import type { LoadedConfig } from "./config/index.js";
import type { CliIo } from "./io.js";

/**
 * Where the CLI keeps its timings between invocations when no database store is configured:
 * `.confiture/` beside the config file, else in the working directory.
 */
export function defaultMetricsPath(io: CliIo, loaded?: LoadedConfig): string {
  return join(loaded?.path === undefined ? io.cwd : loaded.directory, ".confiture", "metrics.jsonl");
}

/**
 * Collects the timings packages publish while one command runs, and appends them to the metrics
 * store when it ends, so `confiture slo report` covers many invocations. Metrics are advisory:
 * failing to store them never fails the command. Collecting needs no package: the store
 * (`@confiture/monitoring`, an optional peer dependency) is loaded only when there is something to
 * store, and without it nothing is stored.
 */
export class CommandMetrics {
  readonly #samples: Sample[] = [];
  readonly #unsubscribers: Array<() => void> = [];
  /** The command's own `--env`, when it has one naming an environment: wins over CONFITURE_ENV and the config. */
  environment: Environment | undefined;

  /** Feeds a package's `timing` events to this command's samples (the CLI observes each command's packages when it loads it). */
  observe(source: TimingSource): void {
    const listener = (event: { operation: string; durationMs: number }) => this.record(event.operation, event.durationMs);
    source.on("timing", listener);
    this.#unsubscribers.push(() => source.off("timing", listener));
  }

  /** Records a figure that is not a duration event (profiling overhead, accuracy). */
  record(operation: string, value: number): void {
    // The environment the SLO monitor gives the samples of one invocation.
    if (Number.isFinite(value)) this.#samples.push({ operation, value, timestamp: Date.now(), environment: "local" });
  }

  /** The samples recorded so far, oldest first. */
  samples(): readonly Sample[] {
    return this.#samples;
  }

  /** Appends this command's samples to the configured store (the config the command loaded, if any). */
  async flush(io: CliIo, loaded?: LoadedConfig): Promise<void> {
    for (const unsubscribe of this.#unsubscribers.splice(0)) unsubscribe();
    if (this.#samples.length === 0 || io.env.CONFITURE_METRICS === "off") return;
    let store: typeof import("./metrics-store.js");
    try {
      store = await import("./metrics-store.js");
    } catch {
      return; // @confiture/monitoring (or the database driver) is not installed: a lint-only install keeps no metrics.
    }
    await store.storeSamples(io, this.#samples, this.environment, loaded);
  }
}
