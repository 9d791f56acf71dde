import { lstat, readdir, realpath, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import type { InputProblem } from "./input-finding.js";

/** The `*.sql` files below a directory, and the links that were not followed. Paths are absolute. */
export interface DirectoryWalk {
  files: string[];
  problems: InputProblem[];
}

function isInside(path: string, root: string): boolean {
  const rest = relative(root, path);
  return rest === "" || (!rest.startsWith(`..${sep}`) && rest !== ".." && !rest.startsWith(sep));
}

const isSql = (name: string) => name.endsWith(".sql");

/**
 * Lists every `*.sql` file below `root` (skipping `node_modules`), in name order. Symbolic links are
 * followed only while their real path stays inside `root`: one that leaves it is a `symlinkOutside`
 * problem, not read (a link to `/proc/self/environ` must not be printed). A link back to a directory
 * being walked (`ln -s . sub`), or one that cannot resolve for its own loop, is a `symlinkLoop`
 * problem: real paths already on the walk are never entered again, so the walk always ends.
 */
export async function walkSqlDirectory(root: string): Promise<DirectoryWalk> {
  const rootReal = await realpath(root);
  const walk: DirectoryWalk = { files: [], problems: [] };
  const entered = new Set<string>();
  await visit(root, rootReal, [rootReal], walk, rootReal, entered);
  return walk;
}

async function visit(
  directory: string,
  directoryReal: string,
  ancestors: string[],
  walk: DirectoryWalk,
  rootReal: string,
  entered: Set<string>,
): Promise<void> {
  entered.add(directoryReal);
  const entries = (await readdir(directory, { withFileTypes: true })).sort((left, right) =>
    left.name < right.name ? -1 : left.name > right.name ? 1 : 0,
  );
  for (const entry of entries) {
    if (entry.name === "node_modules") continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      // Already walked through a link to it: its files are listed once.
      if (entered.has(join(directoryReal, entry.name))) continue;
      await visit(
        path,
        join(directoryReal, entry.name),
        [...ancestors, join(directoryReal, entry.name)],
        walk,
        rootReal,
        entered,
      );
      continue;
    }
    if (!entry.isSymbolicLink()) {
      if (isSql(entry.name)) walk.files.push(path);
      continue;
    }
    let target: string;
    try {
      target = await realpath(path);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === "ELOOP") walk.problems.push({ path, kind: "symlinkLoop", detail: "it resolves to itself" });
      // A dangling link names nothing to lint; a `.sql` one is left to the reader, which says it is missing.
      else if (isSql(entry.name)) walk.files.push(path);
      continue;
    }
    const info = await stat(target).catch(() => undefined);
    if (info === undefined) continue;
    if (!info.isDirectory() && !isSql(entry.name)) continue;
    if (!isInside(target, rootReal)) {
      walk.problems.push({ path, kind: "symlinkOutside", detail: target });
      continue;
    }
    if (info.isDirectory()) {
      if (ancestors.includes(target)) {
        walk.problems.push({ path, kind: "symlinkLoop", detail: `back to ${target}` });
        continue;
      }
      // Another link to a directory already walked: its files are listed once.
      if (entered.has(target)) continue;
      await visit(path, target, [...ancestors, target], walk, rootReal, entered);
    } else walk.files.push(path);
  }
}

/**
 * For one matched path (a glob's match): `{ path }` to read it, a problem when it is a link whose
 * real path leaves `root` or loops, `undefined` for a directory or a dangling link (nothing to read).
 */
export async function followLinkWithin(
  path: string,
  root: string,
): Promise<{ path: string } | { problem: InputProblem } | undefined> {
  const info = await lstat(path);
  if (info.isDirectory()) return undefined;
  if (!info.isSymbolicLink()) return { path };
  let target: string;
  try {
    target = await realpath(path);
  } catch (error) {
    if ((error as { code?: unknown }).code === "ELOOP")
      return { problem: { path, kind: "symlinkLoop", detail: "it resolves to itself" } };
    return undefined;
  }
  const rootReal = await realpath(root).catch(() => root);
  if (!isInside(target, rootReal)) return { problem: { path, kind: "symlinkOutside", detail: target } };
  return (await stat(target)).isDirectory() ? undefined : { path };
}
