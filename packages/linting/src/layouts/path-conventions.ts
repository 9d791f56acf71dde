import type { MigrationRole, RunnerName } from "./types.js";

/**
 * What a file's path alone says about its runner. These read file and directory names, never SQL.
 * `key` orders the migration; `pairKey` matches an up file with its down, revert or verify file.
 */
export interface PathClass {
  runner: RunnerName;
  role: MigrationRole;
  key: string;
  pairKey: string;
  autocommit?: boolean;
}

/** Path segments, whatever the separator. */
export function segmentsOf(path: string): string[] {
  return path.split(/[\\/]/).filter((segment) => segment.length > 0);
}

const dieselFolder = /^(\d[\d-]*)_.+$/;
const prismaFolder = /^(\d{8,})_.+$/;
const flywayFile = /^([VU])(\d[\w.]*?)__.+\.sql$/i;
const flywayRepeatable = /^R__.+\.sql$/i;
const upDownFile = /^(.+?)(\.postgres)?(\.autocommit)?\.(up|down)\.sql$/i;
const sqitchFolders: Record<string, MigrationRole> = { deploy: "up", revert: "down", verify: "verify" };

/** Flyway compares versions part by part as numbers (`1_10` after `1_9`, `13.1` after `13`). */
function flywayKey(version: string): string {
  return version
    .split(/[._]/)
    .map((part) => part.padStart(12, "0"))
    .join(".");
}

/** Sqitch: `<project>/{deploy,revert,verify}/<change>.sql`; the change's path below the folder pairs them. */
function sqitch(segments: string[]): PathClass | undefined {
  for (let index = segments.length - 2; index >= 0; index--) {
    const role = sqitchFolders[segments[index]!];
    if (role === undefined) continue;
    const project = segments.slice(0, index).join("/");
    const change = segments.slice(index + 1).join("/");
    return { runner: "sqitch", role, key: `${project}/${change}`, pairKey: `${project}|${change}` };
  }
  return undefined;
}

/** Classifies a path by the conventions that its name alone identifies; undefined when it names none. */
export function classifyPath(path: string): PathClass | undefined {
  const segments = segmentsOf(path);
  const name = segments.at(-1) ?? path;
  const folder = segments.at(-2) ?? "";
  const parent = segments.slice(0, -1).join("/");
  const lower = name.toLowerCase();
  if ((lower === "up.sql" || lower === "down.sql") && dieselFolder.test(folder)) {
    // Diesel drops the dashes of a version: 2019-11-15-182353 and 20191115182353 sort together.
    const version = dieselFolder.exec(folder)![1]!.replaceAll("-", "");
    const pairKey = segments.slice(0, -1).join("/");
    return { runner: "diesel", role: lower === "up.sql" ? "up" : "down", key: `${version}_${folder}`, pairKey };
  }
  if (lower === "migration.sql" && prismaFolder.test(folder)) {
    return { runner: "prisma", role: "up", key: folder, pairKey: parent };
  }
  const found = sqitch(segments.slice(0, -1).concat(name));
  if (found !== undefined) return found;
  const flyway = flywayFile.exec(name);
  if (flyway !== null) {
    const key = flywayKey(flyway[2]!);
    return { runner: "flyway", role: flyway[1]!.toUpperCase() === "U" ? "down" : "up", key: `V${key}`, pairKey: key };
  }
  if (flywayRepeatable.test(name)) return { runner: "flyway", role: "repeatable", key: `~${name}`, pairKey: name };
  const upDown = upDownFile.exec(name);
  if (upDown !== null) {
    const stem = upDown[1]!;
    const dialect = upDown[2] !== undefined;
    const autocommit = upDown[3] !== undefined;
    return {
      runner: dialect || autocommit ? "pop" : "up-down-files",
      role: upDown[4]!.toLowerCase() === "down" ? "down" : "up",
      key: stem,
      // pop reads the version before the first `_`: a `.postgres.` up file pairs with a dialect-less down file.
      pairKey: dialect || autocommit ? (/^(\d+)_/.exec(stem)?.[1] ?? stem) : `${parent}/${stem}`,
      ...(autocommit ? { autocommit } : {}),
    };
  }
  return undefined;
}
