import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { isLibraryLike, type Library, toLibrary } from "@confiture/linting";
import { UsageError } from "../errors.js";

type PackageJson = { exports?: unknown; module?: string; main?: string };

function exportTarget(entry: unknown): string | undefined {
  if (typeof entry === "string") return entry;
  if (typeof entry !== "object" || entry === null) return undefined;
  const record = entry as Record<string, unknown>;
  if ("." in record) return exportTarget(record["."]);
  for (const condition of ["import", "node", "default"]) {
    const target = exportTarget(record[condition]);
    if (target !== undefined) return target;
  }
  return undefined;
}

/** Finds an ESM-only package's entry the way Node's `import` would, from `directory` upwards. */
function resolveImportEntry(name: string, directory: string): string | undefined {
  let current = directory;
  for (;;) {
    const packageDirectory = join(current, "node_modules", name);
    const manifest = join(packageDirectory, "package.json");
    if (existsSync(manifest)) {
      const json = JSON.parse(readFileSync(manifest, "utf8")) as PackageJson;
      const target = exportTarget(json.exports) ?? json.module ?? json.main ?? "index.js";
      return join(packageDirectory, target);
    }
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

function resolveSpecifier(specifier: string, directory: string): string {
  if (specifier.startsWith(".") || isAbsolute(specifier)) return resolve(directory, specifier);
  try {
    return createRequire(join(directory, "confiture.config.js")).resolve(specifier);
  } catch {
    const entry = resolveImportEntry(specifier, directory);
    if (entry !== undefined) return entry;
    throw new UsageError(
      `cannot find the rule library "${specifier}" from ${directory}: install it (npm install --save-dev ${specifier})`,
    );
  }
}

function pickLibrary(module: Record<string, unknown>, specifier: string): Library {
  if (isLibraryLike(module.default)) return toLibrary(module.default);
  if (isLibraryLike(module.library)) return toLibrary(module.library);
  const named = Object.values(module).filter(isLibraryLike);
  if (named.length === 1) return toLibrary(named[0]);
  throw new UsageError(
    named.length === 0
      ? `"${specifier}" does not export a rule library (a default export made with defineLibrary)`
      : `"${specifier}" exports ${named.length} libraries; export one as default`,
  );
}

/**
 * Loads a rule library by npm package name from the project's node_modules (as ESLint resolves
 * plugins), or by a path relative to `directory` (TypeScript files through jiti).
 */
export async function loadLibrary(specifier: string, directory: string): Promise<Library> {
  const file = resolveSpecifier(specifier, directory);
  let module: Record<string, unknown>;
  try {
    module = /\.[mc]?ts$/.test(file)
      ? ((await (await import("jiti")).createJiti(pathToFileURL(file).href).import(file)) as Record<string, unknown>)
      : ((await import(pathToFileURL(file).href)) as Record<string, unknown>);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`cannot load the rule library "${specifier}" (${file}): ${reason}`, { cause: error });
  }
  try {
    return pickLibrary(module, specifier);
  } catch (error) {
    if (UsageError.isInstance(error)) throw error;
    throw new UsageError(
      `the rule library "${specifier}" is invalid: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

/** Turns config entries (objects or package names) into libraries, in order. */
export async function resolveLibraries(entries: ReadonlyArray<string | Library>, directory: string): Promise<Library[]> {
  const libraries: Library[] = [];
  for (const entry of entries) libraries.push(typeof entry === "string" ? await loadLibrary(entry, directory) : toLibrary(entry));
  return libraries;
}
