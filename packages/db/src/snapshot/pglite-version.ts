import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

let cached: Promise<string | undefined> | undefined;

/**
 * The version of the installed `@electric-sql/pglite`, read from its package.json (its `exports`
 * do not expose that file), or `undefined` when it cannot be found.
 */
export function pgliteVersion(): Promise<string | undefined> {
  cached ??= findVersion();
  return cached;
}

async function findVersion(): Promise<string | undefined> {
  let directory: string;
  try {
    directory = dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite"));
  } catch {
    return undefined;
  }
  for (let depth = 0; depth < 4; depth += 1) {
    try {
      const manifest = JSON.parse(await readFile(join(directory, "package.json"), "utf8")) as { name?: string; version?: string };
      if (manifest.name === "@electric-sql/pglite" && typeof manifest.version === "string") return manifest.version;
    } catch {
      // No package.json at this level (the entry point sits in dist/): keep walking up.
    }
    directory = dirname(directory);
  }
  return undefined;
}
