import { join } from "node:path";
import { lintingEvents } from "@confiture/linting";
import { openDatabase, redactUrl } from "@confiture/db";
import {
  DatabaseMetricsStore,
  type Environment,
  environmentSchema,
  FileMetricsStore,
  type MetricsStore,
  type SloConfig,
  SloMonitor,
  sloConfigSchema,
  type TimingSource,
} from "@confiture/monitoring";
import { performanceEvents } from "@confiture/performance";
import { riskEvents } from "@confiture/risk";
import { describeIssues, type LoadedConfig, loadConfig } from "./config/index.js";
import { UsageError } from "./errors.js";
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
 * failing to store them never fails the command.
 */
export class CommandMetrics {
  readonly monitor = new SloMonitor();
  readonly #unsubscribers: Array<() => void> = [];
  /** The command's own `--env`, when it has one naming an environment: wins over CONFITURE_ENV and the config. */
  environment: Environment | undefined;

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

  /** Appends this command's samples to the configured store (the config the command loaded, if any). */
  async flush(io: CliIo, loaded?: LoadedConfig): Promise<void> {
    for (const unsubscribe of this.#unsubscribers.splice(0)) unsubscribe();
    const samples = this.monitor.samples();
    if (samples.length === 0 || io.env.CONFITURE_METRICS === "off") return;
    try {
      const config = await sloConfigOf(io, loaded).catch(() => sloConfigSchema.parse({}));
      const environment = this.environment ?? environmentOf(io, config);
      // Stamped when stored: the environment is known only once the command has read its options and config.
      const stamped = samples.map((sample) => ({ ...sample, environment }));
      await withMetricsStore(io, config, undefined, (store) => store.append(stamped), defaultMetricsPath(io, loaded));
    } catch (error) {
      io.stderr.write(`confiture: could not store metrics (${redactUrl((error as Error).message)})\n`);
    }
  }
}

/**
 * The environment a command runs in: `CONFITURE_ENV`, else the config's `slo.environment` (local by
 * default). A command's `--env` wins over both (its caller checks it). An unknown name is a usage error.
 */
export function environmentOf(io: CliIo, config: SloConfig): Environment {
  const fromEnvironment = io.env.CONFITURE_ENV;
  if (fromEnvironment === undefined || fromEnvironment === "") return config.environment;
  const parsed = environmentSchema.safeParse(fromEnvironment);
  if (!parsed.success) throw new UsageError(`CONFITURE_ENV must be local, staging or production (got "${fromEnvironment}")`);
  return parsed.data;
}

/** The config's `slo` section, parsed (defaults when there is no config): of `loaded`, else of the config found from the working directory. */
export async function sloConfigOf(io: CliIo, loaded?: LoadedConfig): Promise<SloConfig> {
  const config = loaded ?? (await loadConfig({ cwd: io.cwd }));
  const parsed = sloConfigSchema.safeParse(config.config.slo ?? {});
  if (!parsed.success) throw new UsageError(describeIssues(parsed.error, config.path ?? "the configuration", { section: "slo" }));
  return parsed.data;
}

/** The database that keeps the metrics: `--db`, `CONFITURE_METRICS_URL` or `slo.databaseUrl`; undefined for the file. */
export function metricsDatabaseUrl(io: CliIo, config: SloConfig, url: string | undefined): string | undefined {
  return url ?? io.env.CONFITURE_METRICS_URL ?? config.databaseUrl;
}

/**
 * Runs `work` with the metrics store in force: a database (`--db`, `CONFITURE_METRICS_URL`, or
 * `slo.databaseUrl`) so every machine and CI job shares one history, else `.confiture/metrics.jsonl`.
 */
export async function withMetricsStore<T>(
  io: CliIo,
  config: SloConfig,
  url: string | undefined,
  work: (store: MetricsStore) => Promise<T>,
  file?: string,
): Promise<T> {
  const databaseUrl = metricsDatabaseUrl(io, config, url);
  if (databaseUrl === undefined) return work(new FileMetricsStore(file ?? defaultMetricsPath(io), config.maxStoredSamples));
  const database = await openDatabase(databaseUrl);
  try {
    return await work(new DatabaseMetricsStore(database, config.maxStoredSamples));
  } finally {
    await database.close();
  }
}
