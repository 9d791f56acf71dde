import { readFile, stat } from "node:fs/promises";
import { isAbsolute, relative, resolve } from "node:path";
import {
  type Library,
  LintingError,
  type LintConfig,
  parseLintConfig,
  type RuleSetting,
  ruleLevelSchema,
  type SourceFile,
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

/** The lint section with `--rule` flags applied on top of the config's rules. */
export function lintSection(loaded: LoadedConfig, options: RuleSelectionOptions): LintConfig {
  const section = parseLintConfig(loaded.config.lint ?? {});
  return { ...section, rules: { ...section.rules, ...parseRuleFlags(options.rule) } };
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
 * The files to lint: files, directories (every `*.sql` below, sorted), globs, and `-` for stdin.
 * With no path, the config's migrations directory (default `migrations`). A glob matching nothing
 * is a usage error unless `allowUnmatched`.
 */
export async function collectFiles(
  paths: readonly string[],
  io: CliIo,
  loaded: LoadedConfig,
  options: { allowUnmatched?: boolean } = {},
): Promise<SourceFile[]> {
  const targets = paths.length > 0 ? paths : [configuredMigrationsDirectory(loaded)];
  const found = new Map<string, string>();
  const files: SourceFile[] = [];
  for (const target of targets) {
    if (target === "-") {
      files.push({ path: "<stdin>", source: await readStdin(io.stdin) });
      continue;
    }
    const absolute = resolve(io.cwd, target);
    const info = await stat(absolute).catch(() => undefined);
    let matches: string[];
    if (info?.isFile()) matches = [absolute];
    else if (info?.isDirectory())
      matches = await fastGlob("**/*.sql", { cwd: absolute, absolute: true, ignore: ["**/node_modules/**"] });
    else if (fastGlob.isDynamicPattern(target))
      matches = await fastGlob(target, { cwd: io.cwd, absolute: true, ignore: ["**/node_modules/**"] });
    else throw new UsageError(`no such file or directory: ${target}`);
    if (matches.length === 0 && !info?.isDirectory() && !options.allowUnmatched) throw new UsageError(`no files match ${target}`);
    for (const match of matches.sort()) {
      if (found.has(match)) continue;
      found.set(match, target);
      files.push({ path: displayPath(io.cwd, match), source: await readFile(match, "utf8") });
    }
  }
  return files;
}
