import { readFile, stat } from "node:fs/promises";
import { basename, dirname, relative, resolve } from "node:path";
import { type Database, openDatabase } from "@confiture/db";
import { parseMigrationFileName, readMigrationDirectory } from "@confiture/migrate";
import {
  assessRisk,
  formatRiskMarkdown,
  formatRiskText,
  gatherRiskContext,
  levelExceeds,
  parseRiskConfig,
  RISK_LEVELS,
  type RiskConfig,
  type RiskFile,
  type RiskInputs,
  type RiskLevel,
  type RiskReport,
  readSnapshot,
} from "@confiture/risk";
import { Option } from "commander";
import { general, type LintResult, lint, type SourceFile } from "@confiture/linting";
import type { PgVersion } from "@confiture/sql";
import { addCommonOptions, resolveDatabaseUrl, writeJson } from "../common-options.js";
import type { LoadedConfig } from "../config/index.js";
import { asUsageError, lintSection, selectLibraries } from "../config/lint-setup.js";
import { loadCommandConfig } from "../command-config.js";
import { ExitCode, UsageError } from "../errors.js";
import { requireInputs } from "../inputs.js";
import type { CliIo } from "../io.js";
import { parseNewest, selectPending } from "./pending.js";
import type { CliRuntime, CommandModule } from "./types.js";

/** A migration file ready for risk, trace and preflight, with its version when it has one. */
export interface MigrationSource extends RiskFile {
  /** Absolute path. */
  path: string;
  version?: string;
}

/** A path as people should read it: relative to where the command runs. */
export function displayPath(path: string, io: CliIo): string {
  const shown = relative(io.cwd, path);
  return shown === "" || shown.startsWith("..") ? path : shown;
}

/**
 * Reads files and migration directories, in order. A directory gives its up migrations sorted by
 * version (down files are never assessed); a file is taken as it is.
 */
export async function readMigrationSources(paths: readonly string[], io: CliIo): Promise<MigrationSource[]> {
  const sources: MigrationSource[] = [];
  for (const given of paths) {
    const path = resolve(io.cwd, given);
    const info = await stat(path).catch((error: unknown) => {
      throw new UsageError(`cannot read ${given}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    });
    if (info.isDirectory()) {
      const directory = await readMigrationDirectory(path);
      for (const migration of directory.migrations) {
        sources.push({
          path: migration.upPath,
          file: displayPath(migration.upPath, io),
          source: migration.upSql,
          version: migration.version,
        });
      }
    } else {
      const version = parseMigrationFileName(basename(path))?.version;
      sources.push({
        path,
        file: displayPath(path, io),
        source: await readFile(path, "utf8"),
        ...(version === undefined ? {} : { version }),
      });
    }
  }
  return sources;
}

/** The directory when the paths are exactly one directory (its pending migrations are then selected), else undefined. */
export async function singleDirectory(paths: readonly string[], io: CliIo): Promise<string | undefined> {
  if (paths.length !== 1) return undefined;
  const path = resolve(io.cwd, paths[0]!);
  return (await stat(path)).isDirectory() ? path : undefined;
}

/** Earlier migrations of the directory a single file lives in, for schema replay. */
export async function earlierMigrations(file: MigrationSource, io: CliIo): Promise<MigrationSource[]> {
  if (file.version === undefined) return [];
  const directory = await readMigrationDirectory(dirname(file.path)).catch(() => undefined);
  if (directory === undefined) return [];
  return directory.migrations
    .filter((migration) => migration.version < (file.version as string))
    .map((migration) => ({
      path: migration.upPath,
      file: displayPath(migration.upPath, io),
      source: migration.upSql,
      version: migration.version,
    }));
}

/** Parses `--max-level`. */
export function parseLevel(value: string | undefined, fallback: RiskLevel): RiskLevel {
  if (value === undefined) return fallback;
  const level = value.toUpperCase();
  if (!(RISK_LEVELS as readonly string[]).includes(level))
    throw new UsageError(`--max-level must be one of ${RISK_LEVELS.join(", ")} (got "${value}")`);
  return level as RiskLevel;
}

/** Opens the database of `url` when there is one, runs `work`, closes it. */
export async function withOptionalDatabase<T>(
  url: string | undefined,
  io: CliIo,
  work: (db: Database | undefined) => Promise<T>,
): Promise<T> {
  if (url === undefined) return work(undefined);
  let target = url;
  if (target.startsWith("pglite:") && target.length > "pglite:".length && !target.startsWith("pglite://")) {
    target = `pglite:${resolve(io.cwd, target.slice("pglite:".length))}`;
  }
  const db = await openDatabase(target);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

/** The risk section of the configuration, validated (errors name the key path and exit 2). */
export function riskConfigOf(section: unknown): RiskConfig {
  try {
    return parseRiskConfig(section ?? {});
  } catch (error) {
    throw new UsageError((error as Error).message, { cause: error });
  }
}

/**
 * The down files of a migrations directory, which `lint` needs beside their up files (for
 * require-down-migration and migration-reversibility) but which are not migrations to assess.
 */
export async function readDownSources(directory: string, io: CliIo): Promise<SourceFile[]> {
  const read = await readMigrationDirectory(directory).catch(() => undefined);
  return (read?.migrations ?? []).flatMap((migration) =>
    migration.downPath === undefined || migration.downSql === undefined
      ? []
      : [{ path: displayPath(migration.downPath, io), source: migration.downSql }],
  );
}

/** Lints sources with every configured library (the `general` one unless disabled), as `confiture lint` does. */
export async function lintSources(
  sources: readonly MigrationSource[],
  loaded: LoadedConfig,
  io: CliIo,
  options: { pgVersion?: PgVersion; context?: readonly SourceFile[] } = {},
): Promise<LintResult> {
  try {
    const section = lintSection(loaded, {});
    const libraries = await selectLibraries(general, section, loaded, io, {});
    const files = sources.map((source) => ({ path: source.file, source: source.source }));
    const context = options.context ?? [];
    return await lint({
      files: [...files, ...context],
      ...(context.length === 0 ? {} : { reportOn: files.map((file) => file.path) }),
      libraries,
      config: section,
      ...(options.pgVersion === undefined ? {} : { pgVersion: options.pgVersion }),
    });
  } catch (error) {
    throw asUsageError(error);
  }
}

/**
 * The lint section's `pgVersion` when the inputs do not say which server they describe: the lock model
 * must judge the statements for the same PostgreSQL as the linter.
 */
export function configuredPgVersion(loaded: LoadedConfig, inputs: RiskInputs): { pgVersion?: PgVersion } {
  if (inputs.serverMajorVersion !== undefined) return {};
  const configured = lintSection(loaded, {}).pgVersion;
  return configured === undefined ? {} : { pgVersion: configured as PgVersion };
}

interface RiskOptions {
  format: string;
  db?: string;
  config?: string;
  snapshot?: string;
  maxLevel?: string;
  base?: string;
  newest?: string;
}

/** Lines saying which files cannot be judged because a statement does not parse. */
export function unjudgedLines(report: RiskReport): string[] {
  return report.unjudged.map(
    (item) =>
      `Cannot judge ${item.file}: line ${item.line}, column ${item.column} does not parse (${item.message}). Fix the syntax, then run again.`,
  );
}

export const riskCommand: CommandModule = {
  name: "risk",
  register(program, runtime: CliRuntime) {
    addCommonOptions(
      program
        .command("risk")
        .description("risk score, factors and predicted downtime of migration files (a file or a directory)")
        .argument("<paths...>", "migration files or directories")
        .option("--snapshot <file>", "statistics snapshot from `confiture stats export` (sizes without database access)")
        .option("--base <ref>", "for a directory: migrations added or changed since this git ref are the pending ones")
        .option("--newest <n>", "for a directory: the newest n migrations are the pending ones")
        .addOption(
          new Option("--max-level <level>", "exit 1 above this level (default: the config's risk.maxLevel, else MEDIUM)"),
        )
        .addHelpText(
          "after",
          `
Inputs come from --db (or DATABASE_URL), else --snapshot, else the configured assumptions; the report says which.
Files are judged in the order given, each after the ones before it. For a directory, the pending
migrations are chosen as preflight chooses them (--base, --newest, the database's confiture.migrations,
the snapshot's applied list); with none of these, each migration is judged as if the ones before it
were applied, so its verdict is the one \`confiture risk <that file>\` gives. A file that does not
parse cannot be judged: exit 1.

Examples:
  $ confiture risk migrations/20240510140000_tighten_projects.up.sql
  $ confiture risk migrations/ --snapshot prod-stats.json --format json
  $ confiture risk migrations/ --base origin/main`,
        ),
      ["text", "json", "markdown"],
    ).action(async (paths: string[], options: RiskOptions) => {
      const loaded = await loadCommandConfig(runtime, options);
      const config = riskConfigOf(loaded.config.risk);
      const maxLevel = parseLevel(options.maxLevel, config.maxLevel);
      const all = await readMigrationSources(paths, runtime.io);
      requireInputs(all.length, paths.join(", "), "migrations are named <version>_<name>.up.sql");
      const snapshot = options.snapshot === undefined ? undefined : await readSnapshot(resolve(runtime.io.cwd, options.snapshot));
      const url = resolveDatabaseUrl(options, runtime.io, loaded.config.database?.url);
      const newest = parseNewest(options.newest);
      const lintResult = await lintSources(all, loaded, runtime.io);
      const report = await withOptionalDatabase(url, runtime.io, async (db) => {
        const directory = await singleDirectory(paths, runtime.io);
        const selection =
          directory === undefined
            ? { pending: all, earlierFiles: "pending" as const }
            : await selectPending(all, directory, { db, snapshot, base: options.base, newest });
        const files = selection.pending;
        const context = await gatherRiskContext(files, { db, snapshot, directory: loaded.directory });
        return assessRisk({
          files,
          ...context,
          findings: lintResult.findings,
          config,
          earlierFiles: selection.earlierFiles,
          ...configuredPgVersion(loaded, context.inputs),
        });
      });
      if (options.format === "json") writeJson(runtime, report);
      else if (options.format === "markdown") runtime.io.stdout.write(formatRiskMarkdown(report));
      else runtime.io.stdout.write(formatRiskText(report));
      if (options.format === "json") for (const line of unjudgedLines(report)) runtime.io.stderr.write(`${line}\n`);
      runtime.exitCode = report.unjudged.length > 0 || levelExceeds(report.level, maxLevel) ? ExitCode.failure : ExitCode.ok;
    });
  },
};
