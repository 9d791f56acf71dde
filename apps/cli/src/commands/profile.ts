import { join, resolve } from "node:path";
import { openDatabase } from "@confiture/db";
import {
  type BaselineStore,
  type CheckOutcome,
  checkForRegressions,
  DatabaseBaselineStore,
  FileBaselineStore,
  type NamedQuery,
  type ProfileRun,
  type ProfileConfig,
  profileConfigSchema,
  queryTrends,
  readQueriesFile,
  recordBaselines,
  topStatements,
} from "@confiture/performance";
import { environmentSchema } from "@confiture/monitoring";
import { describeEscapingEffects, findEscapingEffectsInSql } from "@confiture/sql";
import { type Command, Option } from "commander";
import { loadCommandConfig } from "../command-config.js";
import { addCommonOptions, resolveDatabaseUrl, writeJson } from "../common-options.js";
import { describeIssues } from "../config/index.js";
import { announceTarget } from "../database-target.js";
import { UsageError } from "../errors.js";
import { cliVersion } from "../version.js";
import type { CliRuntime, CommandModule } from "./types.js";

interface ProfileOptions {
  format: string;
  config?: string;
  db?: string;
  queries?: string;
  top?: string;
  runs?: string;
  warmup?: string;
  env?: string;
  allowWrites?: boolean;
  threshold?: string;
  store?: string;
}

/** The options once the config and defaults have filled them in. */
type ResolvedProfileOptions = ProfileOptions & {
  runs: string;
  warmup: string;
  env: string;
  threshold: string;
  store: string;
  /** Where `.confiture/` lives: beside the config file, else the working directory. */
  directory: string;
  /** From the config only: the rest of its `profile` section. */
  settings: Pick<ProfileConfig, "maxBaselineAgeDays" | "regression" | "profile">;
};

function positiveInteger(value: string, option: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new UsageError(`${option} takes a whole number of at least 1 (got "${value}")`);
  return number;
}

async function selectQueries(options: ProfileOptions, database: Awaited<ReturnType<typeof openDatabase>>): Promise<NamedQuery[]> {
  if (options.queries) return readQueriesFile(options.queries);
  const limit = options.top === undefined ? 10 : positiveInteger(options.top, "--top");
  const top = await topStatements(database, limit);
  if (!top.available) {
    throw new UsageError(
      "Name the queries to profile with --queries <file> (a .sql file where `-- name: <id>` starts each query), or install pg_stat_statements to use its top statements.",
    );
  }
  if (top.queries.length === 0)
    throw new UsageError(
      `pg_stat_statements has no runnable statements (${top.skipped} need parameter values); use --queries <file>.`,
    );
  return top.queries;
}

/** Opens the database, picks the store and the queries, runs `work`, and always closes. */
async function withProfiling<T>(
  options: ResolvedProfileOptions,
  runtime: CliRuntime,
  work: (context: {
    database: Awaited<ReturnType<typeof openDatabase>>;
    store: BaselineStore;
    queries: NamedQuery[];
  }) => Promise<T>,
): Promise<T> {
  // Flags and the queries file are checked before a database is opened.
  workflowOptions(options);
  const fromFile = options.queries === undefined ? undefined : await readQueriesFile(options.queries);
  const url = resolveDatabaseUrl(options, runtime.io) ?? `pglite:${join(options.directory, ".confiture", "db")}`;
  const storeNote =
    options.store === "database"
      ? "baselines kept in that database"
      : `baselines kept in ${join(options.directory, ".confiture")}`;
  announceTarget(runtime, `profiling (${storeNote})`, url);
  const database = await openDatabase(url);
  try {
    const store: BaselineStore =
      options.store === "database" ? new DatabaseBaselineStore(database) : FileBaselineStore.inDirectory(options.directory);
    const queries = fromFile ?? (await selectQueries(options, database));
    return await work({ database, store, queries });
  } finally {
    await database.close();
  }
}

/**
 * The options in force: the command line first, then the config's `profile` section, then defaults.
 * A queries file named in the config is relative to the config's directory.
 */
async function withConfig(options: ProfileOptions, runtime: CliRuntime): Promise<ResolvedProfileOptions> {
  const loaded = await loadCommandConfig(runtime, options);
  // `--env production` names where the command runs: its timings are recorded under it too.
  const named = environmentSchema.safeParse(options.env);
  if (named.success) runtime.metrics.environment = named.data;
  const parsed = profileConfigSchema.safeParse(loaded.config.profile ?? {});
  if (!parsed.success) throw new UsageError(describeIssues(parsed.error, loaded.path ?? "the configuration"));
  const config = parsed.data;
  const queries =
    options.queries !== undefined
      ? resolve(runtime.io.cwd, options.queries)
      : config.queries === undefined
        ? undefined
        : resolve(loaded.directory, config.queries);
  return {
    ...options,
    ...(queries === undefined ? {} : { queries }),
    env: options.env ?? config.environment,
    store: options.store ?? config.store,
    runs: options.runs ?? String(config.profile.timedRuns ?? 30),
    warmup: options.warmup ?? String(config.profile.warmupRuns ?? 3),
    threshold: options.threshold ?? String((config.regression.relativeThreshold ?? 0.2) * 100),
    allowWrites: options.allowWrites ?? config.profile.allowWrites ?? false,
    directory: loaded.path === undefined ? runtime.io.cwd : loaded.directory,
    settings: { maxBaselineAgeDays: config.maxBaselineAgeDays, regression: config.regression, profile: config.profile },
  };
}

/** A query whose effects a rollback would not undo (setval, dblink, advisory locks...) is never profiled. */
async function refuseEscaping(sql: string): Promise<string | undefined> {
  const effects = await findEscapingEffectsInSql(sql);
  return effects.length === 0 ? undefined : `not run: a rollback would not undo it (${describeEscapingEffects(effects)})`;
}

function workflowOptions(options: ResolvedProfileOptions) {
  return {
    environment: options.env,
    recordedBy: `confiture ${cliVersion}`,
    maxBaselineAgeDays: options.settings.maxBaselineAgeDays,
    profile: {
      ...options.settings.profile,
      timedRuns: positiveInteger(options.runs, "--runs"),
      warmupRuns: Number(options.warmup),
      allowWrites: Boolean(options.allowWrites),
      refuse: refuseEscaping,
    },
    regression: { ...options.settings.regression, relativeThreshold: Number(options.threshold) / 100 },
  };
}

const ms = (value: number) => `${value.toFixed(3)} ms`;

function runMetadataLine(run: ProfileRun): string {
  const meta = run.metadata;
  return `profiling took ${meta.wallMs.toFixed(0)} ms for ${meta.queryMs.toFixed(1)} ms of server execution (${meta.costRatio.toFixed(1)}x, reference workload included); bookkeeping ${meta.overheadPercent.toFixed(1)}% of it; ${meta.deterministic ? "every run measured" : `sampling ${meta.sampleRate}`}, confidence ${meta.confidence.toFixed(2)}`;
}

function printCheck(outcome: CheckOutcome, runtime: CliRuntime): void {
  const lines: string[] = [];
  for (const result of outcome.results) {
    const marker = result.improvement ? "improved" : result.severity;
    lines.push(
      `${marker.padEnd(12)} ${result.queryId.padEnd(28)} ${ms(result.baselineMedianMs)} -> ${ms(result.candidateMedianMs)} (server, median)  ${result.reason}`,
    );
  }
  for (const query of outcome.run.queries.filter((profile) => profile.status !== "profiled"))
    lines.push(`${query.status.padEnd(9)} ${query.queryId.padEnd(28)} ${query.reason ?? ""}`);
  for (const id of outcome.missingBaselines) lines.push(`no baseline ${id}: run \`confiture profile baseline\` first`);
  for (const id of outcome.staleBaselines) lines.push(`stale     ${id}: its baseline is older than 30 days; record it again`);
  for (const query of outcome.run.queries) {
    const plan = query.plan;
    if (!plan) continue;
    for (const scan of plan.sequentialScans.filter((item) => item.large))
      lines.push(`  ${query.queryId}: sequential scan of ${scan.relation} (${scan.rows} rows)`);
    if (plan.diskSorts.length > 0) lines.push(`  ${query.queryId}: sort spilled to disk`);
    if (plan.worstRowEstimateError >= 10)
      lines.push(`  ${query.queryId}: row estimates off by ${plan.worstRowEstimateError.toFixed(0)}x (run ANALYZE?)`);
  }
  lines.push("", runMetadataLine(outcome.run));
  runtime.io.stdout.write(`${lines.join("\n")}\n`);
}

function addProfileOptions(command: Command): Command {
  return addCommonOptions(command)
    .option("-q, --queries <file>", "queries to profile: a .sql file where `-- name: <id>` starts each query")
    .option("--top <n>", "without --queries: the top N statements of pg_stat_statements", "10")
    .option("--runs <n>", "timed runs per query (default: profile.profile.timedRuns, else 30)")
    .option("--warmup <n>", "untimed warm-up runs per query (default 3)")
    .option("--env <name>", "environment the baselines belong to (default: profile.environment, else local)")
    .option("--allow-writes", "profile data-changing queries (each run is rolled back)")
    .option("--threshold <percent>", "median slowdown that is an error (default 20)")
    .addOption(
      new Option(
        "--store <where>",
        "where baselines live: file (.confiture/performance.json) or database (default: profile.store)",
      ).choices(["file", "database"]),
    );
}

export const profileCommand: CommandModule = {
  name: "profile",
  register(program, runtime) {
    const profile = program
      .command("profile")
      .description("query baselines and regression detection around migrations")
      .addHelpText(
        "after",
        `
Record how fast your important queries are, migrate, then check them again. Times are the server's
(EXPLAIN ANALYZE), each run beside a reference workload in the same session; a regression is a
slowdown relative to it whose 95% interval excludes 1 and whose estimate reaches the threshold (20%),
or an index scan that became a sequential scan. When the reference itself moved more than 2x the
machine changed too much: the verdict is inconclusive (exit 0).
Reads run in a READ ONLY transaction; writes are refused unless --allow-writes, and then rolled back.

Examples:
  $ confiture profile baseline --queries queries.sql --db postgres://localhost/app
  $ confiture migrate up
  $ confiture profile check --queries queries.sql --db postgres://localhost/app   exit 1 on an error
  $ confiture profile history`,
      );

    addProfileOptions(profile.command("baseline").description("profile the queries and store a baseline for each")).action(
      async (given: ProfileOptions) => {
        const options = await withConfig(given, runtime);
        await withProfiling(options, runtime, async ({ database, store, queries }) => {
          const { run, baselines } = await recordBaselines(database, queries, store, workflowOptions(options));
          if (options.format === "json") return writeJson(runtime, { baselines, run });
          const lines = baselines.map(
            (baseline) =>
              `${baseline.queryId.padEnd(28)} mean ${ms(baseline.mean)}  95% CI ${ms(baseline.confidenceInterval[0])}..${ms(baseline.confidenceInterval[1])}  one run ${ms(baseline.predictionBand[0])}..${ms(baseline.predictionBand[1])}`,
          );
          for (const query of run.queries.filter((item) => item.status !== "profiled"))
            lines.push(`${query.status} ${query.queryId}: ${query.reason}`);
          runtime.io.stdout.write(`${lines.join("\n")}\n\n${runMetadataLine(run)}\n`);
        });
      },
    );

    addProfileOptions(
      profile.command("check").description("profile again and compare with the baselines (exit 1 on an error-level regression)"),
    ).action(async (given: ProfileOptions) => {
      const options = await withConfig(given, runtime);
      await withProfiling(options, runtime, async ({ database, store, queries }) => {
        const outcome = await checkForRegressions(database, queries, store, workflowOptions(options));
        if (options.format === "json") writeJson(runtime, outcome);
        else printCheck(outcome, runtime);
        runtime.exitCode = outcome.worst === "error" ? 1 : 0;
      });
    });

    addCommonOptions(profile.command("history").description("the trend of every query's checks: slope and sparkline"))
      .option("--env <name>", "environment (default: profile.environment, else local)")
      .addOption(
        new Option("--store <where>", "file or database (default: profile.store, else file)").choices(["file", "database"]),
      )
      .action(async (given: ProfileOptions) => {
        const options = await withConfig(given, runtime);
        const url = options.store === "database" ? resolveDatabaseUrl(options, runtime.io) : undefined;
        const database =
          options.store === "database"
            ? await openDatabase(url ?? `pglite:${join(options.directory, ".confiture", "db")}`)
            : undefined;
        try {
          const store: BaselineStore = database
            ? new DatabaseBaselineStore(database)
            : FileBaselineStore.inDirectory(options.directory);
          const trends = queryTrends(await store.history(options.env));
          if (options.format === "json") return writeJson(runtime, { trends });
          if (trends.length === 0)
            return void runtime.io.stdout.write("No checks yet: run `confiture profile check` after a baseline.\n");
          const lines = trends.map(
            (trend) =>
              `${trend.queryId.padEnd(28)} ${trend.sparkline.padEnd(20)} ${ms(trend.firstMs)} -> ${ms(trend.lastMs)}  ${trend.slopeMsPerDay >= 0 ? "+" : ""}${trend.slopeMsPerDay.toFixed(3)} ms/day  ${trend.regressions} regression(s) in ${trend.checks} checks`,
          );
          runtime.io.stdout.write(`${lines.join("\n")}\n`);
        } finally {
          await database?.close();
        }
      });
  },
};
