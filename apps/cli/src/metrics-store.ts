import {
  DatabaseMetricsStore,
  type Environment,
  environmentSchema,
  FileMetricsStore,
  type MetricsStore,
  type Sample,
  type SloConfig,
  sloConfigSchema,
} from "@confiture/monitoring";
import { describeIssues, type LoadedConfig, loadConfig } from "./config/index.js";
import { UsageError } from "./errors.js";
import type { CliIo } from "./io.js";
import { defaultMetricsPath } from "./metrics.js";

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
  // The driver loads only for a database store: the file store needs none.
  const { openDatabase } = await import("@confiture/db");
  const database = await openDatabase(databaseUrl);
  try {
    return await work(new DatabaseMetricsStore(database, config.maxStoredSamples));
  } finally {
    await database.close();
  }
}

/** Appends samples to the configured store; a failure is reported on stderr, never thrown. */
export async function storeSamples(
  io: CliIo,
  samples: readonly Sample[],
  commandEnvironment: Environment | undefined,
  loaded?: LoadedConfig,
): Promise<void> {
  try {
    const config = await sloConfigOf(io, loaded).catch(() => sloConfigSchema.parse({}));
    const environment = commandEnvironment ?? environmentOf(io, config);
    // Stamped when stored: the environment is known only once the command has read its options and config.
    const stamped = samples.map((sample) => ({ ...sample, environment }));
    await withMetricsStore(io, config, undefined, (store) => store.append(stamped), defaultMetricsPath(io, loaded));
  } catch (error) {
    const message = (error as Error).message;
    const redacted = await import("@confiture/db").then(({ redactUrl }) => redactUrl(message)).catch(() => message);
    io.stderr.write(`confiture: could not store metrics (${redacted})\n`);
  }
}
