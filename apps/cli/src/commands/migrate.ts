import { hostname, userInfo } from "node:os";
import { join, resolve } from "node:path";
import { type Database, DatabaseLockedError, openDatabase } from "@confiture/db";
import { HookConfigError, HookExecutor, HookGraphError, loadHooksFromConfig } from "@confiture/hooks";
import {
  cancelOnSignals,
  createMigrateEvents,
  createMigrationFiles,
  type ExecutionSettingsInput,
  type GateFile,
  HookPhaseFailedError,
  hooksLifecycle,
  type Lifecycle,
  MigrationDriftError,
  MigrationFilesError,
  MigrationGateError,
  MigrationLockedError,
  MigrationTargetError,
  migrateDown,
  migrateUp,
  type MigrationGates,
  migrationStatus,
  migrationsConfigSchema,
  type MigrationsConfig,
  type RunOptions,
  type RunResult,
  type StatusReport,
} from "@confiture/migrate";
import {
  createPerformanceHooks,
  DatabaseBaselineStore,
  FileBaselineStore,
  profileConfigSchema,
  readQueriesFile,
} from "@confiture/performance";
import { assessRisk, gatherRiskContext, type RiskConfig } from "@confiture/risk";
import type { Command } from "commander";
import { loadCommandConfig } from "../command-config.js";
import { addCommonOptions, resolveDatabaseUrl, writeJson } from "../common-options.js";
import { describeIssues, type LoadedConfig } from "../config/index.js";
import { announceTarget } from "../database-target.js";
import { CommandFailedError, ExitCode, UsageError } from "../errors.js";
import { displayPath, lintSources, type MigrationSource, parseLevel, riskConfigOf } from "./risk.js";
import { importModule } from "../import-module.js";
import { cliVersion } from "../version.js";
import type { CliRuntime, CommandModule } from "./types.js";

interface MigrateOptions {
  format: string;
  db?: string;
  config?: string;
  dir?: string;
  lockWait?: string;
  to?: string;
  steps?: string;
  dryRun?: boolean;
  force?: boolean;
  allowRisk?: string;
}

function parseMilliseconds(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new UsageError(`${flag} must be a whole number of milliseconds (got "${value}")`);
  return parsed;
}

/** Who applied a migration: the CI actor when there is one, else the OS user and host. Never a credential. */
function appliedBy(runtime: CliRuntime): string {
  const actor = runtime.io.env.CONFITURE_APPLIED_BY ?? runtime.io.env.GITHUB_ACTOR ?? runtime.io.env.GITLAB_USER_LOGIN;
  if (actor !== undefined && actor !== "") return actor;
  try {
    return `${userInfo().username}@${hostname()}`;
  } catch {
    return hostname();
  }
}

function addMigrateOptions(command: Command): Command {
  return addCommonOptions(command)
    .option("-d, --dir <directory>", "migrations directory (default: the config's migrations.dir, else migrations)")
    .option("--lock-wait <ms>", "how long to wait for another run's lock before giving up (exit 3)");
}

/** Everything a migrate subcommand takes from the config file and the flags. */
interface MigrateSetup {
  loaded: LoadedConfig;
  section: MigrationsConfig;
  directory: string;
  url: string;
  environment: string;
}

async function setup(options: MigrateOptions, runtime: CliRuntime): Promise<MigrateSetup> {
  const { io } = runtime;
  const loaded = await loadCommandConfig(runtime, options);
  const parsed = migrationsConfigSchema.safeParse(loaded.config.migrations ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ ...issue, path: ["migrations", ...issue.path] }));
    throw new UsageError(describeIssues({ ...parsed.error, issues } as typeof parsed.error, loaded.path ?? "the configuration"));
  }
  const section = parsed.data;
  const directory =
    options.dir !== undefined
      ? resolve(io.cwd, options.dir)
      : resolve(loaded.directory, section.dir ?? section.directory ?? "migrations");
  // With no database anywhere, an embedded PGlite database beside the config keeps the state between runs.
  let url =
    resolveDatabaseUrl(options, io, loaded.config.database?.url) ?? `pglite:${join(loaded.directory, ".confiture", "db")}`;
  if (url.startsWith("pglite:") && url.length > "pglite:".length && !url.startsWith("pglite://")) {
    url = `pglite:${resolve(io.cwd, url.slice("pglite:".length))}`;
  }
  return { loaded, section, directory, url, environment: section.environment ?? io.env.CONFITURE_ENV ?? "local" };
}

/**
 * Opens the run's database. An embedded directory is locked to this process while it is open: another
 * process waits for it as long as for the migration lock (`--lock-wait`), then exits 3 the same way.
 */
async function withDatabase<T>(
  context: MigrateSetup,
  options: MigrateOptions,
  runtime: CliRuntime,
  work: (database: Database) => Promise<T>,
): Promise<T> {
  const lockWaitMs = parseMilliseconds(options.lockWait, "--lock-wait") ?? context.section.lockWaitMs ?? 60_000;
  const database = await openDatabase(context.url, {
    lockWaitMs,
    onLockWait: () => runtime.io.stderr.write(`another process has the embedded database open; waiting up to ${lockWaitMs} ms\n`),
  });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

/**
 * The performance hooks, when the config's `profile` section asks for them around migrations: a
 * baseline before execute, a check after validate (PERFORMANCE_DEGRADED on a regression). They
 * profile on their own connection, so they need a server: PGlite has only one.
 */
async function performanceHooksOf(context: MigrateSetup, database: Database, executor: HookExecutor) {
  const parsed = profileConfigSchema.safeParse(context.loaded.config.profile ?? {});
  if (!parsed.success) throw new UsageError(describeIssues(parsed.error, context.loaded.path ?? "the configuration"));
  const profile = parsed.data;
  if (!profile.aroundMigrations) return [];
  if (profile.queries === undefined)
    throw new UsageError("profile.aroundMigrations needs profile.queries: the queries file to baseline and check.");
  if (database.driver === "pglite")
    throw new UsageError(
      "profile.aroundMigrations needs a PostgreSQL server (--db postgres://...): the embedded database has one connection, which the migration holds.",
    );
  return createPerformanceHooks({
    database,
    queries: await readQueriesFile(resolve(context.loaded.directory, profile.queries)),
    store:
      profile.store === "database"
        ? new DatabaseBaselineStore(database)
        : FileBaselineStore.inDirectory(context.loaded.directory),
    alerts: executor,
    environment: profile.environment,
    recordedBy: `confiture ${cliVersion}`,
    profile: profile.profile,
    regression: profile.regression,
    maxBaselineAgeDays: profile.maxBaselineAgeDays,
    failOnRegression: profile.failOnRegression,
  });
}

/** The hooks of the config's `hooks` section (and the performance hooks), as the runner's lifecycle. */
async function lifecycleOf(context: MigrateSetup, runtime: CliRuntime, database: Database): Promise<Lifecycle> {
  try {
    const { hooks, options } = await loadHooksFromConfig(context.loaded.config.hooks ?? {}, {
      baseDir: context.loaded.directory,
      environment: context.environment,
      importModule,
    });
    const executor = new HookExecutor(options).registerAll(hooks);
    executor.registerAll(await performanceHooksOf(context, database, executor));
    runtime.metrics.observe(executor.events);
    // Alerts reach the person running the migration, whatever hooks listen to them.
    executor.on("alert", (message) => runtime.io.stderr.write(`alert: ${message.alert} ${JSON.stringify(message.payload)}\n`));
    return hooksLifecycle(executor);
  } catch (error) {
    if (HookConfigError.isInstance(error) || HookGraphError.isInstance(error)) {
      throw new UsageError(`${error.message}${context.loaded.path === undefined ? "" : ` (in ${context.loaded.path})`}`, {
        cause: error,
      });
    }
    throw error;
  }
}

/**
 * The gates of `up`: lint (the configured libraries, errors in the pending files only, with every
 * earlier file replayed for the schema model) and risk (the risk package on the pending files, with
 * sizes and history read through the run's own session).
 */
function gatesOf(context: MigrateSetup, riskConfig: RiskConfig, runtime: CliRuntime): MigrationGates {
  const { io } = runtime;
  const source = (file: GateFile): MigrationSource => ({
    path: file.path,
    file: displayPath(file.path, io),
    source: file.sql,
    version: file.version,
  });
  return {
    async lint(files, gate) {
      const pending = new Set(files.map((file) => displayPath(file.path, io)));
      const result = await lintSources(gate.allFiles.map(source), context.loaded, io);
      const errors = result.findings.filter(
        (finding) => pending.has(finding.file) && (finding.severity === "error" || finding.severity === "critical"),
      );
      return {
        errors: errors.length,
        messages: errors.slice(0, 10).map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}: ${finding.message}`),
      };
    },
    async risk(files, gate) {
      const sources = files.map(source);
      const inputs = await gatherRiskContext(sources, { db: gate.database, directory: context.loaded.directory });
      const report = await assessRisk({ files: sources, ...inputs, config: riskConfig });
      const reasons = [...report.factors]
        .filter((factor) => factor.value * factor.weight > 0)
        .sort((left, right) => right.value * right.weight - left.value * left.weight)
        .slice(0, 3)
        .map((factor) => `${factor.name} ${factor.value.toFixed(2)}`);
      return { level: report.level, score: report.score, reasons, downtimeEstimateMs: report.downtime.estimateMs };
    },
  };
}

async function runOptions(
  options: MigrateOptions,
  runtime: CliRuntime,
  context: MigrateSetup,
  database: Database,
): Promise<RunOptions> {
  const { dir: _dir, directory: _directory, maxRiskLevel, environment: _environment, ...execution } = context.section;
  const lockWaitMs = parseMilliseconds(options.lockWait, "--lock-wait");
  const settings: ExecutionSettingsInput = { ...execution, ...(lockWaitMs === undefined ? {} : { lockWaitMs }) };
  const riskConfig = riskConfigOf(context.loaded.config.risk);
  const allowed = parseLevel(options.allowRisk, parseLevel(maxRiskLevel, riskConfig.maxLevel));
  return {
    database,
    directory: context.directory,
    settings,
    lifecycle: await lifecycleOf(context, runtime, database),
    gates: gatesOf(context, riskConfig, runtime),
    environment: context.environment,
    appliedBy: appliedBy(runtime),
    dryRun: options.dryRun === true,
    force: options.force === true,
    maxRiskLevel: allowed,
  };
}

/**
 * Maps the runner's errors to the exit-code table (a held lock 3, a wrong --to 2, refusals and
 * failures 1); the top-level catch prints them, in JSON too with --format json.
 */
function handleRunError(error: unknown): never {
  if (MigrationLockedError.isInstance(error) || DatabaseLockedError.isInstance(error))
    throw new CommandFailedError(error.message, { exitCode: ExitCode.locked, cause: error });
  if (MigrationTargetError.isInstance(error)) throw new UsageError(error.message, { cause: error });
  if (
    MigrationGateError.isInstance(error) ||
    MigrationDriftError.isInstance(error) ||
    MigrationFilesError.isInstance(error) ||
    HookPhaseFailedError.isInstance(error)
  ) {
    throw new CommandFailedError(error.message, { cause: error });
  }
  throw error;
}

function printRun(result: RunResult, runtime: CliRuntime, format: string): void {
  if (format === "json") {
    writeJson(runtime, result);
    return;
  }
  const out = runtime.io.stdout;
  for (const file of result.unrecognized) out.write(`warning: ${file.file} is not a migration (${file.reason})\n`);
  const verb = result.direction === "up" ? "applied" : "reverted";
  if (result.dryRun) {
    if (result.plan.length === 0) out.write("Nothing to do.\n");
    for (const entry of result.plan) {
      out.write(
        `would ${result.direction === "up" ? "apply" : "revert"} ${entry.version}_${entry.name} (${entry.statements} statement(s)${entry.transactional ? "" : ", outside a transaction"}${entry.resume ? ", resuming" : ""})\n`,
      );
    }
  } else if (result.plan.length === 0) {
    out.write(`Nothing to ${result.direction === "up" ? "apply" : "revert"}: the database is up to date.\n`);
  } else {
    out.write(
      `${result.completed.length} of ${result.plan.length} migration(s) ${verb} in ${Math.round(result.durationMs)} ms.\n`,
    );
  }
  for (const refusal of result.gates?.refusals ?? [])
    out.write(`warning: ${refusal.gate} gate overridden by --force: ${refusal.reasons.join("; ")}\n`);
  if (result.failure !== undefined) {
    out.write(`${result.status === "cancelled" ? "Cancelled" : "Failed"}: ${result.failure.message}\n`);
  }
  if (result.postCommitFailure !== undefined) out.write(`Post-commit check failed: ${result.postCommitFailure.message}\n`);
  for (const check of result.validation?.checks ?? []) {
    if (!check.passed) out.write(`warning: ${check.name}: ${check.message ?? "failed"}\n`);
  }
}

function printStatus(report: StatusReport, runtime: CliRuntime, format: string): void {
  if (format === "json") {
    writeJson(runtime, report);
    return;
  }
  const out = runtime.io.stdout;
  out.write(`Migrations in ${report.directory} on ${report.database}\n`);
  for (const entry of report.migrations) {
    const mode = entry.transactional === false ? "  [outside a transaction]" : "";
    const when = entry.appliedAt === undefined ? "" : `  ${entry.appliedAt}`;
    out.write(`  ${entry.state.padEnd(8)} ${entry.version}_${entry.name}${when}${mode}\n`);
    if (entry.problem !== undefined) out.write(`           ${entry.problem}\n`);
  }
  for (const file of report.unrecognized) out.write(`  unknown  ${file.file} (${file.reason})\n`);
  for (const index of report.invalidIndexes)
    out.write(`  invalid index ${index.schema}.${index.name} on ${index.table}: drop it (DROP INDEX CONCURRENTLY) and rebuild\n`);
  const { summary } = report;
  out.write(
    `${summary.applied} applied, ${summary.pending} pending, ${summary.drifted} drifted, ${summary.partial} partial, ${summary.missing} missing.\n`,
  );
}

/** 0 ok, 4 applied then a post-commit check failed, 1 any other failure or a cancellation. */
function exitCodeOf(result: RunResult): number {
  if (result.status === "ok") return ExitCode.ok;
  return result.status === "post_commit_failed" ? ExitCode.postCommit : ExitCode.failure;
}

async function run(direction: "up" | "down", options: MigrateOptions, runtime: CliRuntime): Promise<void> {
  const events = createMigrateEvents();
  runtime.metrics.observe(events);
  events.on("progress", (progress) => runtime.io.stderr.write(`${progress.message}\n`));
  const cancel = cancelOnSignals();
  try {
    const context = await setup(options, runtime);
    const steps = options.steps === undefined ? undefined : Number(options.steps);
    if (steps !== undefined && (!Number.isInteger(steps) || steps < 1))
      throw new UsageError(`--steps must be a positive whole number (got "${options.steps}")`);
    const action = options.dryRun ? "planning (dry run: nothing changes) on" : direction === "up" ? "migrating" : "reverting";
    announceTarget(runtime, action, context.url);
    await withDatabase(context, options, runtime, async (database) => {
      const common = { ...(await runOptions(options, runtime, context, database)), events, signal: cancel.signal };
      const to = options.to === undefined ? {} : { to: options.to };
      const result =
        direction === "up"
          ? await migrateUp({ ...common, ...to })
          : await migrateDown({ ...common, ...to, ...(steps === undefined ? {} : { steps }) });
      printRun(result, runtime, options.format);
      runtime.exitCode = exitCodeOf(result);
    });
  } catch (error) {
    handleRunError(error);
  } finally {
    cancel.dispose();
  }
}

/** `confiture migrate up|down|status|new`. */
export const migrateCommand: CommandModule = {
  name: "migrate",
  register(program, runtime) {
    const migrate = program
      .command("migrate")
      .description("apply, revert and track migrations (one run at a time, each migration in its own transaction)");
    addMigrateOptions(migrate.command("up").description("apply pending migrations"))
      .option("--to <version>", "apply up to and including this version")
      .option("--dry-run", "plan and fire the dry-run hooks without changing anything")
      .option("--force", "run even when the lint or risk gate refuses")
      .option("--allow-risk <level>", "accept risk up to this level (low, medium, high, critical)")
      .action((options: MigrateOptions) => run("up", options, runtime));
    addMigrateOptions(migrate.command("down").description("revert applied migrations, newest first"))
      .option("--steps <n>", "how many migrations to revert (default 1)")
      .option("--to <version>", "revert every migration after this version")
      .option("--dry-run", "plan and fire the dry-run hooks without changing anything")
      .action((options: MigrateOptions) => run("down", options, runtime));
    addMigrateOptions(migrate.command("status").description("applied, pending, drifted and partial migrations")).action(
      async (options: MigrateOptions) => {
        try {
          const context = await setup(options, runtime);
          await withDatabase(context, options, runtime, async (database) => {
            const report = await migrationStatus({ database, directory: context.directory });
            printStatus(report, runtime, options.format);
            runtime.exitCode = report.ok ? ExitCode.ok : ExitCode.failure;
          });
        } catch (error) {
          handleRunError(error);
        }
      },
    );
    addMigrateOptions(
      migrate.command("new").description("create <version>_<name>.up.sql and .down.sql with a UTC timestamp version"),
    )
      .argument("<name>", "what the migration does, e.g. add_user_email")
      .action(async (name: string, options: MigrateOptions) => {
        const context = await setup(options, runtime);
        const created = await createMigrationFiles(context.directory, name).catch((error: unknown) => {
          if (MigrationFilesError.isInstance(error)) throw new UsageError(error.message, { cause: error });
          throw error;
        });
        if (options.format === "json") writeJson(runtime, created);
        else runtime.io.stdout.write(`created ${created.upPath}\ncreated ${created.downPath}\n`);
      });
  },
};
