import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, extname, isAbsolute, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { redactConfigText } from "@confiture/redact";
import { UsageError } from "../errors.js";
import { describeIssues } from "./describe-issues.js";
import { type ConfitureConfig, confitureConfigSchema } from "./schema.js";
import { checkSections } from "./sections.js";

/** The file names searched, in order. */
export const CONFIG_FILE_NAMES = [
  "confiture.config.ts",
  "confiture.config.mts",
  "confiture.config.js",
  "confiture.config.mjs",
  "confiture.config.json",
  "confiture.config.yaml",
  "confiture.config.yml",
] as const;

/** A loaded configuration and where it came from. */
export interface LoadedConfig {
  config: ConfitureConfig;
  /** The file, or undefined when none exists (defaults apply). */
  path: string | undefined;
  /** The directory globs, paths and package names in the config are resolved from. */
  directory: string;
}

async function readConfigFile(path: string): Promise<unknown> {
  const extension = extname(path);
  try {
    if (extension === ".json") return JSON.parse(await readFile(path, "utf8"));
    // The YAML parser and jiti load only for the files that need them.
    if (extension === ".yaml" || extension === ".yml") {
      const { parse: parseYaml } = await import("yaml");
      return parseYaml(await readFile(path, "utf8")) ?? {};
    }
    if (extension === ".ts" || extension === ".mts") {
      const { createJiti } = await import("jiti");
      const jiti = createJiti(pathToFileURL(path).href, { interopDefault: true, moduleCache: false });
      return await jiti.import(path, { default: true });
    }
    const module = (await import(`${pathToFileURL(path).href}?t=${Date.now()}`)) as { default?: unknown };
    return module.default ?? module;
  } catch (error) {
    // Parsers quote the offending lines: a password on one of them must not reach the terminal or CI logs.
    // JSON.parse quotes a snippet cut at any character (a key may lose its first letters): drop it.
    const message = (error instanceof Error ? error.message : String(error)).replace(
      /, (\.\.\.)?".*"(\.\.\.)? is not valid JSON$/s,
      ": not valid JSON",
    );
    const reason = redactConfigText(message);
    throw new UsageError(`cannot read the configuration ${path}: ${reason}`, { cause: error });
  }
}

/**
 * Finds the config file: `path` when given, else the first `confiture.config.*` in `cwd` or a
 * directory above it, stopping after the repository root (a directory holding `.git`) or at the
 * filesystem root, as ESLint and squawk do.
 */
export function findConfigFile(cwd: string, path?: string): string | undefined {
  if (path !== undefined) {
    const absolute = isAbsolute(path) ? path : resolve(cwd, path);
    if (!existsSync(absolute)) throw new UsageError(`the configuration file ${path} does not exist`);
    return absolute;
  }
  for (let directory = resolve(cwd); ; directory = dirname(directory)) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(directory, name);
      if (existsSync(candidate)) return candidate;
    }
    if (existsSync(join(directory, ".git")) || dirname(directory) === directory) return undefined;
  }
}

/**
 * Loads `confiture.config.{ts,mts,js,mjs,json,yaml,yml}` found from `cwd` upwards (or `path`),
 * validates it, and throws a UsageError (exit 2) naming the file and the key path of every problem,
 * with the closest known key for a misspelt one.
 */
export async function loadConfig(options: { cwd: string; path?: string }): Promise<LoadedConfig> {
  const file = findConfigFile(options.cwd, options.path);
  if (file === undefined) return { config: confitureConfigSchema.parse({}), path: undefined, directory: options.cwd };
  const raw = await readConfigFile(file);
  const parsed = confitureConfigSchema.safeParse(raw ?? {});
  const issues = [
    ...(parsed.success ? [] : parsed.error.issues),
    ...(await checkSections((raw ?? {}) as Record<string, unknown>)),
  ];
  if (!parsed.success || issues.length > 0) throw new UsageError(describeIssues({ issues }, file));
  return { config: parsed.data, path: file, directory: dirname(file) };
}
