import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { SourceFile } from "../src/index.js";

/**
 * The corpora live outside the repository (`../shared/corpora` from its root) and are never copied
 * in: `CONFITURE_CORPORA` points elsewhere.
 */
export const corporaDirectory =
  process.env.CONFITURE_CORPORA ?? join(import.meta.dirname, "..", "..", "..", "..", "shared", "corpora");

/** Migration files: `*.sql`, and Synapse's PostgreSQL-only `*.sql.postgres`. */
const migrationFile = /\.sql(\.postgres)?$/;

/** The projects of the corpus, by folder name. */
export function corpusProjects(): string[] {
  return readdirSync(corporaDirectory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** A project's migration files, paths relative to the project folder (its own repository layout). */
export function projectFiles(project: string): SourceFile[] {
  const root = join(corporaDirectory, project);
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && migrationFile.test(entry.name))
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path: relative(root, path).split("\\").join("/"), source: readFileSync(path, "utf8") };
    })
    .sort((left, right) => (left.path < right.path ? -1 : 1));
}
