import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { ignoreMatcher, type Library, type LintConfigInput } from "@confiture/linting";
import type { PgVersion } from "@confiture/sql";

/**
 * What the server lints a document with: the same config, libraries and migrations directory as
 * `confiture lint`. The CLI builds it (it owns config loading); the server only reads files.
 */
export interface Project {
  /** The directory relative paths in the config are resolved from (`lint.ignore`). */
  configDirectory: string;
  /** The migrations directory: every `*.sql` below it is replayed to build the cross-file schema. */
  migrationsDirectory: string;
  libraries: readonly Library[];
  /** The `lint` section of the config. */
  lint: LintConfigInput & { ignore?: string[] };
  pgVersion?: PgVersion;
}

/** Finds the project of a file: called once per config, the server caches the answer. */
export type ProjectLoader = (filePath: string) => Promise<Project>;

/** Whether the project's `lint.ignore` skips a file. */
export function isIgnored(project: Project, filePath: string): boolean {
  return ignoreMatcher(project.lint.ignore ?? [])(relative(project.configDirectory, filePath));
}

/** Every `*.sql` file below the migrations directory, read once (open documents override them). */
export async function readMigrations(project: Project): Promise<Map<string, string>> {
  const names = await readdir(project.migrationsDirectory, { recursive: true }).catch(() => [] as string[]);
  const paths = names
    .filter((name) => name.endsWith(".sql") && !name.split(/[\\/]/).includes("node_modules"))
    .map((name) => join(project.migrationsDirectory, name))
    .filter((path) => !isIgnored(project, path))
    .sort();
  const texts = await Promise.all(paths.map((path) => readFile(path, "utf8")));
  return new Map(paths.map((path, index) => [path, texts[index]!]));
}
