import { hostname, userInfo } from "node:os";
import { resolve } from "node:path";
import { type Database, openDatabase } from "@confiture/db";
import {
  cancelOnSignals,
  createMigrateEvents,
  createMigrationFiles,
  type ExecutionSettingsInput,
  MigrationDriftError,
  MigrationFilesError,
  MigrationGateError,
  MigrationLockedError,
  MigrationTargetError,
  migrateDown,
  migrateUp,
  migrationStatus,
  type RunOptions,
  type RunResult,
  type StatusReport,
} from "@confiture/migrate";
import type { Command } from "commander";
import { addCommonOptions, resolveDatabaseUrl, writeJson } from "../common-options.js";
import { ExitCode, UsageError } from "../errors.js";
import { CommandMetrics, fileStore } from "../metrics.js";
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

/** The embedded database `migrate` uses when none is configured. */
const embeddedDatabaseUrl = "pglite:.confiture/db";

function parseMilliseconds(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new UsageError(`${flag} must be a whole number of milliseconds (got "${value}")`);
  return parsed;
}

/** Who applied a migration: the OS user and host, or the CI actor when there is one. Never a credential. */
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

async function withDatabase<T>(options: MigrateOptions, runtime: CliRuntime, work: (database: Database) => Promise<T>): Promise<T> {
  const configured = resolveDatabaseUrl(options, runtime.io);
  let url = configured ?? embeddedDatabaseUrl;
  // A relative embedded directory is relative to where the command runs, not to the process.
  if (url.startsWith("pglite:") && url.length > "pglite:".length && !url.startsWith("pglite://")) {
    url = `pglite:${resolve(runtime.io.cwd, url.slice("pglite:".length))}`;
  }
  const database = await openDatabase(url);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

function directoryOf(options: MigrateOptions, runtime: CliRuntime): string {
  return resolve(runtime.io.cwd, options.dir ?? "migrations");
}

function runOptions(options: MigrateOptions, runtime: CliRuntime, database: Database): RunOptions {
  const lockWaitMs = parseMilliseconds(options.lockWait, "--lock-wait");
  const settings: ExecutionSettingsInput = lockWaitMs === undefined ? {} : { lockWaitMs };
  return {
    database,
    directory: directoryOf(options, runtime),
    settings,
    appliedBy: appliedBy(runtime),
    dryRun: options.dryRun === true,
    force: options.force === true,
    ...(options.allowRisk === undefined ? {} : { maxRiskLevel: options.allowRisk }),
  };
}

/** Maps the runner's errors to exit codes and messages; anything else reaches the top-level catch. */
function handleRunError(error: unknown, runtime: CliRuntime): void {
  if (MigrationLockedError.isInstance(error)) {
    runtime.io.stderr.write(`confiture: ${error.message}\n`);
    runtime.exitCode = ExitCode.locked;
    return;
  }
  if (MigrationTargetError.isInstance(error)) throw new UsageError(error.message, { cause: error });
  if (MigrationGateError.isInstance(error) || MigrationDriftError.isInstance(error) || MigrationFilesError.isInstance(error)) {
    runtime.io.stderr.write(`confiture: ${error.message}\n`);
    runtime.exitCode = ExitCode.failure;
    return;
  }
  throw error;
}

function printRun(result: RunResult, runtime: CliRuntime, format: string): void {
  if (format === "json") {
    writeJson(runtime.io, result);
    return;
  }
  const out = runtime.io.stdout;
  for (const file of result.unrecognized) out.write(`warning: ${file.file} is not a migration (${file.reason})\n`);
  const verb = result.direction === "up" ? "applied" : "reverted";
  if (result.dryRun) {
    if (result.plan.length === 0) out.write("Nothing to do.\n");
    for (const entry of result.plan) {
      out.write(`would ${result.direction === "up" ? "apply" : "revert"} ${entry.version}_${entry.name} (${entry.statements} statement(s)${entry.transactional ? "" : ", outside a transaction"}${entry.resume ? ", resuming" : ""})\n`);
    }
  } else if (result.plan.length === 0) {
    out.write(`Nothing to ${result.direction === "up" ? "apply" : "revert"}: the database is up to date.\n`);
  } else {
    out.write(`${result.completed.length} of ${result.plan.length} migration(s) ${verb} in ${Math.round(result.durationMs)} ms.\n`);
  }
  for (const refusal of result.gates?.refusals ?? []) out.write(`warning: ${refusal.gate} gate overridden by --force: ${refusal.reasons.join("; ")}\n`);
  if (result.failure !== undefined) {
    out.write(`${result.status === "cancelled" ? "Cancelled" : "Failed"}: ${result.failure.message}\n`);
  }
  for (const check of result.validation?.checks ?? []) {
    if (!check.passed) out.write(`warning: ${check.name}: ${check.message ?? "failed"}\n`);
  }
}

function printStatus(report: StatusReport, runtime: CliRuntime, format: string): void {
  if (format === "json") {
    writeJson(runtime.io, report);
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
  for (const index of report.invalidIndexes) out.write(`  invalid index ${index.schema}.${index.name} on ${index.table}: drop it (DROP INDEX CONCURRENTLY) and rebuild\n`);
  const { summary } = report;
  out.write(
    `${summary.applied} applied, ${summary.pending} pending, ${summary.drifted} drifted, ${summary.partial} partial, ${summary.missing} missing.\n`,
  );
}

async function run(direction: "up" | "down", options: MigrateOptions, runtime: CliRuntime): Promise<void> {
  const events = createMigrateEvents();
  const metrics = new CommandMetrics();
  // The SLO monitor reads `timing` events; the typed emitter is narrowed to that one event name.
  metrics.observe({ on: (_name, listener) => events.on("timing", listener), off: (_name, listener) => events.off("timing", listener) });
  events.on("progress", (progress) => runtime.io.stderr.write(`${progress.message}\n`));
  const cancel = cancelOnSignals();
  try {
    await withDatabase(options, runtime, async (database) => {
      const common = { ...runOptions(options, runtime, database), events, signal: cancel.signal };
      let result: RunResult;
      if (direction === "up") {
        result = await migrateUp({ ...common, ...(options.to === undefined ? {} : { to: options.to }) });
      } else {
        const steps = options.steps === undefined ? undefined : Number(options.steps);
        if (steps !== undefined && (!Number.isInteger(steps) || steps < 1)) throw new UsageError(`--steps must be a positive whole number (got "${options.steps}")`);
        result = await migrateDown({ ...common, ...(steps === undefined ? {} : { steps }), ...(options.to === undefined ? {} : { to: options.to }) });
      }
      printRun(result, runtime, options.format);
      runtime.exitCode = result.status === "ok" ? ExitCode.ok : ExitCode.failure;
    });
  } catch (error) {
    handleRunError(error, runtime);
  } finally {
    cancel.dispose();
    await metrics.flush(fileStore(runtime.io), runtime.io);
  }
}

/** `confiture migrate up|down|status|new`. */
export const migrateCommand: CommandModule = {
  name: "migrate",
  register(program, runtime) {
    const migrate = program.command("migrate").description("apply, revert and track migrations (one run at a time, each migration in its own transaction)");
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
          await withDatabase(options, runtime, async (database) => {
            const report = await migrationStatus({ database, directory: directoryOf(options, runtime) });
            printStatus(report, runtime, options.format);
            runtime.exitCode = report.ok ? ExitCode.ok : ExitCode.failure;
          });
        } catch (error) {
          handleRunError(error, runtime);
        }
      },
    );
    addMigrateOptions(migrate.command("new").description("create <version>_<name>.up.sql and .down.sql with a UTC timestamp version"))
      .argument("<name>", "what the migration does, e.g. add_user_email")
      .action(async (name: string, options: MigrateOptions) => {
        const created = await createMigrationFiles(directoryOf(options, runtime), name).catch((error: unknown) => {
          if (MigrationFilesError.isInstance(error)) throw new UsageError(error.message, { cause: error });
          throw error;
        });
        if (options.format === "json") writeJson(runtime.io, created);
        else runtime.io.stdout.write(`created ${created.upPath}\ncreated ${created.downPath}\n`);
      });
  },
};
