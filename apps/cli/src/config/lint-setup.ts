import { stat } from "node:fs/promises";
import { isAbsolute, relative, resolve } from "node:path";
import {
  ignoreMatcher,
  type Library,
  LintingError,
  type LintConfig,
  parseLintConfig,
  type RuleSetting,
  ruleLevelSchema,
  type Finding,
  followLinkWithin,
  type InputProblem,
  inputFinding,
  readSqlFile,
  type SourceFile,
  walkSqlDirectory,
} from "@confiture/linting";
import fastGlob from "fast-glob";
import { UsageError } from "../errors.js";
import type { CliIo } from "../io.js";
import type { LoadedConfig } from "./load-config.js";
import { resolveLibraries } from "./resolve-libraries.js";

/** Options `lint` and `rules` share. */
export interface RuleSelectionOptions {
  library?: string[];
  rule?: string[];
}

/** Parses repeatable `--rule id=level` flags. */
export function parseRuleFlags(flags: readonly string[] = []): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  for (const flag of flags) {
    const separator = flag.lastIndexOf("=");
    const id = flag.slice(0, separator).trim();
    const level = ruleLevelSchema.safeParse(flag.slice(separator + 1).trim());
    if (separator <= 0 || !level.success) {
      throw new UsageError(`--rule expects <rule-id>=off|info|warn|error|critical (got "${flag}")`);
    }
    rules[id] = level.data;
  }
  return rules;
}

/**
 * The lint section with `--rule` flags applied on top of the config's rules. A config with a
 * `migrations` section runs its migrations with `confiture migrate`, so lint judges them as that
 * runner runs them: a non-transactional file (or down file) runs outside a transaction, and the
 * timeouts it sets (`lockTimeoutMs`, `statementTimeoutMs`) satisfy the rules that ask for them.
 */
export function lintSection(loaded: LoadedConfig, options: RuleSelectionOptions): LintConfig {
  const section = parseLintConfig(loaded.config.lint ?? {});
  const withRules = { ...section, rules: { ...section.rules, ...parseRuleFlags(options.rule) } };
  const migrations = loaded.config.migrations as { lockTimeoutMs?: unknown; statementTimeoutMs?: unknown } | undefined;
  const runner = section.runner ?? (migrations === undefined ? undefined : "confiture");
  if (runner !== "confiture") return withRules;
  const runnerSettings = {
    ...(typeof migrations?.lockTimeoutMs === "number" ? { runnerSetsLockTimeout: true } : {}),
    ...(typeof migrations?.statementTimeoutMs === "number" ? { runnerSetsStatementTimeout: true } : {}),
  };
  // The config's own lint settings still win: a team may want the file to say its timeout anyway.
  return { ...withRules, runner, settings: { ...runnerSettings, ...withRules.settings } };
}

/**
 * The libraries in composition order: `general` first (unless `useGeneral: false`), then the
 * config's, then `--library` flags (npm names resolved from the project, like ESLint plugins).
 */
export async function selectLibraries(
  general: Library,
  section: LintConfig,
  loaded: LoadedConfig,
  io: CliIo,
  options: RuleSelectionOptions,
): Promise<Library[]> {
  const fromConfig = await resolveLibraries(section.libraries, loaded.directory);
  const fromFlags = await resolveLibraries(options.library ?? [], io.cwd);
  return [...(section.useGeneral ? [general] : []), ...fromConfig, ...fromFlags];
}

/** Engine configuration mistakes (unknown or removed rules, conflicts, bad options) are usage errors: exit 2. */
export function asUsageError(error: unknown): unknown {
  if (LintingError.isInstance(error)) return new UsageError(error.message, { cause: error });
  return error;
}

async function readStdin(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

/** A path as the user sees it: relative to the cwd when below it, else absolute. */
export function displayPath(cwd: string, path: string): string {
  const relativePath = relative(cwd, path);
  return relativePath.startsWith("..") || isAbsolute(relativePath) ? path : relativePath.split("\\").join("/");
}

/** What `lint` reads: the SQL files, and findings about inputs it did not read (see `walkSqlDirectory`). */
export interface CollectedFiles {
  files: SourceFile[];
  findings: Finding[];
}

/**
 * The migrations directory of the config: `migrations.dir` (or `directory`), relative to the config
 * file's directory, not to the cwd, so a command run from a subdirectory finds the same files as
 * `migrate` does. Default `migrations` beside the config (the cwd when there is no config).
 */
export function configuredMigrationsDirectory(loaded: LoadedConfig): string {
  const section = (loaded.config.migrations ?? {}) as { dir?: unknown; directory?: unknown };
  const configured =
    typeof section.dir === "string" ? section.dir : typeof section.directory === "string" ? section.directory : undefined;
  return resolve(loaded.directory, configured ?? "migrations");
}

/**
 * The files replayed for schema context when `lint` is given some files: the whole migrations
 * directory (`--context <dir>`, else the config's migrations directory when it exists), so earlier
 * migrations build the schema and down files sit beside their up files. Empty with `--no-context`
 * or when `lint` lints the migrations directory itself.
 */
export async function collectContext(
  paths: readonly string[],
  io: CliIo,
  loaded: LoadedConfig,
  context: string | boolean | undefined,
): Promise<SourceFile[]> {
  if (context === false || (paths.length === 0 && typeof context !== "string")) return [];
  const directory = typeof context === "string" ? resolve(io.cwd, context) : configuredMigrationsDirectory(loaded);
  const info = await stat(directory).catch(() => undefined);
  if (!info?.isDirectory()) {
    if (typeof context === "string") throw new UsageError(`--context must be a directory: ${context}`);
    return [];
  }
  return (await collectFiles([directory], io, loaded, { allowUnmatched: true })).files;
}

/**
 * The files to lint: files, directories (every `*.sql` below, sorted), globs, and `-` for stdin.
 * With no path, the config's migrations directory (default `migrations`). A glob matching nothing
 * is a usage error unless `allowUnmatched`. Links leaving a directory or a glob's base, link loops
 * and files that are not SQL text are `input-error` findings, never read into a report.
 */
export async function collectFiles(
  paths: readonly string[],
  io: CliIo,
  loaded: LoadedConfig,
  options: { allowUnmatched?: boolean } = {},
): Promise<CollectedFiles> {
  const targets = paths.length > 0 ? paths : [configuredMigrationsDirectory(loaded)];
  const ignored = ignoreMatcher(parseLintConfig(loaded.config.lint ?? {}).ignore);
  const found = new Set<string>();
  const collected: CollectedFiles = { files: [], findings: [] };
  const problem = (item: InputProblem) => {
    if (!ignored(relative(loaded.directory, item.path)))
      collected.findings.push(inputFinding(item, displayPath(io.cwd, item.path)));
  };
  for (const target of targets) {
    if (target === "-") {
      collected.files.push({ path: "<stdin>", source: await readStdin(io.stdin) });
      continue;
    }
    const absolute = resolve(io.cwd, target);
    const info = await stat(absolute).catch(() => undefined);
    let matches: string[];
    if (info?.isDirectory()) {
      const walk = await walkSqlDirectory(absolute);
      for (const item of walk.problems) problem(item);
      matches = walk.files;
    } else if (info !== undefined) matches = [absolute];
    else if (fastGlob.isDynamicPattern(target)) {
      // Not following links while matching: a link loop would never end; matched links are checked below.
      const base = resolve(io.cwd, fastGlob.generateTasks([target])[0]?.base ?? ".");
      matches = [];
      const entries = await fastGlob(target, {
        cwd: io.cwd,
        absolute: true,
        ignore: ["**/node_modules/**"],
        followSymbolicLinks: false,
        onlyFiles: false,
      });
      for (const entry of entries) {
        const followed = await followLinkWithin(entry, base);
        if (followed === undefined) continue;
        if ("problem" in followed) problem(followed.problem);
        else matches.push(entry);
      }
    } else throw new UsageError(`no such file or directory: ${target}`);
    if (matches.length === 0 && !info?.isDirectory() && !options.allowUnmatched) throw new UsageError(`no files match ${target}`);
    for (const match of matches.sort()) {
      if (found.has(match) || ignored(relative(loaded.directory, match))) continue;
      found.add(match);
      const read = await readSqlFile(match);
      if ("problem" in read) problem(read.problem);
      else collected.files.push({ path: displayPath(io.cwd, match), source: read.source });
    }
  }
  return collected;
}
