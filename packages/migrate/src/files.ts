import { createHash } from "node:crypto";
import type { Dirent } from "node:fs";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { MigrationFilesError } from "./errors.js";

/** One migration as found on disk: its up file and, when present, its down file. */
export interface MigrationFile {
  /** Sorts as a string (a UTC timestamp by convention: `20240101090000`). */
  version: string;
  name: string;
  upPath: string;
  upSql: string;
  downPath?: string;
  downSql?: string;
  /** SHA-256 of the up file with line endings normalised, so a checkout on Windows does not drift. */
  checksum: string;
}

/** A file in the migrations directory that is not a migration, and why. */
export interface UnrecognizedFile {
  file: string;
  reason: string;
}

/** What a migrations directory holds. */
export interface MigrationDirectory {
  directory: string;
  migrations: MigrationFile[];
  unrecognized: UnrecognizedFile[];
}

/** `<version>_<name>.up.sql` or `.down.sql`. The version starts with a digit and has no underscore. */
const migrationFileName = /^([0-9][0-9A-Za-z.-]*)_([A-Za-z0-9][A-Za-z0-9_-]*)\.(up|down)\.sql$/;

/** The checksum the tracking table stores for an up file's text. */
export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql.replace(/\r\n/g, "\n")).digest("hex");
}

/** Splits a file name into version, name and direction, or undefined when it is not a migration file. */
export function parseMigrationFileName(
  fileName: string,
): { version: string; name: string; direction: "up" | "down" } | undefined {
  const match = migrationFileName.exec(fileName);
  if (match === null) return undefined;
  const [, version, name, direction] = match;
  if (version === undefined || name === undefined) return undefined;
  return { version, name, direction: direction === "down" ? "down" : "up" };
}

/**
 * Reads a migrations directory. Versions sort as strings. Files that are not migrations are
 * reported in `unrecognized` (dotfiles excepted); two up files with one version are an error.
 */
export async function readMigrationDirectory(directory: string): Promise<MigrationDirectory> {
  let entries: Dirent[];
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new MigrationFilesError(
        `the migrations directory ${directory} does not exist (create it with \`confiture migrate new <name>\`)`,
        {
          cause: error,
        },
      );
    }
    throw error;
  }
  const ups = new Map<string, { name: string; file: string }>();
  const downs = new Map<string, { name: string; file: string }>();
  const unrecognized: UnrecognizedFile[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith(".")) continue;
    if (!entry.isFile()) {
      unrecognized.push({ file: entry.name, reason: "not a file" });
      continue;
    }
    const parsed = parseMigrationFileName(entry.name);
    if (parsed === undefined) {
      unrecognized.push({ file: entry.name, reason: "name is not <version>_<name>.up.sql or <version>_<name>.down.sql" });
      continue;
    }
    const target = parsed.direction === "up" ? ups : downs;
    const existing = target.get(parsed.version);
    if (existing !== undefined) {
      throw new MigrationFilesError(
        `two ${parsed.direction} files have version ${parsed.version}: ${existing.file} and ${entry.name}`,
      );
    }
    target.set(parsed.version, { name: parsed.name, file: entry.name });
  }
  for (const [version, down] of downs) {
    const up = ups.get(version);
    if (up === undefined) unrecognized.push({ file: down.file, reason: "down file without an up file" });
    else if (up.name !== down.name) unrecognized.push({ file: down.file, reason: `name differs from its up file ${up.file}` });
  }
  const versions = [...ups.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const migrations = await Promise.all(
    versions.map(async (version): Promise<MigrationFile> => {
      const up = ups.get(version) as { name: string; file: string };
      const down = downs.get(version);
      const upPath = join(directory, up.file);
      const upSql = await readFile(upPath, "utf8");
      const migration: MigrationFile = { version, name: up.name, upPath, upSql, checksum: checksumOf(upSql) };
      if (down !== undefined && down.name === up.name) {
        migration.downPath = join(directory, down.file);
        migration.downSql = await readFile(migration.downPath, "utf8");
      }
      return migration;
    }),
  );
  return { directory, migrations, unrecognized };
}

/** A UTC timestamp version, `YYYYMMDDHHMMSS`. */
export function timestampVersion(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

/** Turns a free-form name into the `name` part of a file name: lower case, words joined by `_`. */
export function migrationSlug(name: string): string {
  const slug = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (slug === "") throw new MigrationFilesError(`"${name}" gives an empty migration name; use letters or digits`);
  return slug;
}

/**
 * Creates `<version>_<name>.up.sql` and `.down.sql` with a UTC timestamp version, later than every
 * existing version so the new migration always sorts last. Files are written then renamed.
 */
export async function createMigrationFiles(
  directory: string,
  name: string,
  options: { now?: Date } = {},
): Promise<{ version: string; upPath: string; downPath: string }> {
  await mkdir(directory, { recursive: true });
  const slug = migrationSlug(name);
  const existing = await readMigrationDirectory(directory);
  let version = timestampVersion(options.now ?? new Date());
  const latest = existing.migrations.at(-1)?.version;
  if (latest !== undefined && version <= latest) {
    // The clock is behind the newest version (another machine's clock, or a hand-made version): one second after it.
    const parsed = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(latest);
    if (parsed === null)
      throw new MigrationFilesError(
        `the newest version ${latest} is not a UTC timestamp, so no later timestamp version can be chosen`,
      );
    const [, year, month, day, hour, minute, second] = parsed.map(Number) as number[];
    version = timestampVersion(new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day, hour, minute, (second ?? 0) + 1)));
  }
  const upPath = join(directory, `${version}_${slug}.up.sql`);
  const downPath = join(directory, `${version}_${slug}.down.sql`);
  const header = (direction: string) =>
    `-- ${direction}: ${name}\n-- Each migration runs in its own transaction unless it holds a statement that cannot (CREATE INDEX CONCURRENTLY, ...).\n\n`;
  await writeAtomically(upPath, header("up"));
  await writeAtomically(downPath, header("down"));
  return { version, upPath, downPath };
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text, { flag: "wx" });
  await rename(temporary, path);
}
