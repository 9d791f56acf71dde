import { execFile } from "node:child_process";
import { realpath } from "node:fs/promises";
import { promisify } from "node:util";
import type { Database } from "@confiture/db";
import { type EarlierFiles, readAppliedVersions, type StatisticsSnapshot } from "@confiture/risk";
import { UsageError } from "../errors.js";
import type { MigrationSource } from "./risk.js";

const run = promisify(execFile);

/** Which migrations are pending, how that was decided, and how tables of earlier pending files are sized. */
export interface PendingSelection {
  pending: MigrationSource[];
  /** How the pending set was chosen, for people. */
  how: string;
  /** `pending`: they run one after another (earlier files' tables are empty); `applied`: each judged as if the ones before it had run. */
  earlierFiles: EarlierFiles;
}

/** How the user says what is pending. */
export interface PendingOptions {
  db?: Database | undefined;
  snapshot?: StatisticsSnapshot | undefined;
  /** A git ref: migrations that do not exist there, or differ from it, are pending (a pull request's). */
  base?: string | undefined;
  /** The newest N migrations are pending, every earlier one applied. */
  newest?: number | undefined;
}

/** Parses `--newest <n>`. */
export function parseNewest(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1)
    throw new UsageError(`--newest must be a whole number of at least 1 (got "${value}")`);
  return count;
}

/** Files of `directory` that differ from `base` or are not in git at all: what a branch adds or changes. */
async function changedSince(base: string, directory: string): Promise<Set<string>> {
  const git = async (...args: string[]) => {
    try {
      return (await run("git", args, { cwd: directory, maxBuffer: 64 * 1024 * 1024 })).stdout;
    } catch (error) {
      const message = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
      throw new UsageError(`--base ${base}: git cannot compare ${directory} with it: ${message}`);
    }
  };
  const root = await realpath((await git("rev-parse", "--show-toplevel")).trim());
  const changed = await git("diff", "--name-only", "--no-renames", base, "--", ".");
  const untracked = await git("ls-files", "--others", "--exclude-standard", "--full-name", "--", ".");
  return new Set(
    [...changed.split("\n"), ...untracked.split("\n")].filter((line) => line !== "").map((line) => `${root}/${line}`),
  );
}

/**
 * Decides what is pending the way the user means it: `--base <ref>` (what the branch adds or
 * changes), else `--newest <n>`, else the tracking table of the database, else the applied list of a
 * statistics snapshot. With none of them nothing says what production has run, so every migration is
 * judged as if the ones before it were applied: its own verdict, the one `confiture risk <file>` gives.
 */
export async function selectPending(
  all: readonly MigrationSource[],
  directory: string,
  options: PendingOptions,
): Promise<PendingSelection> {
  if (options.base !== undefined) {
    const changed = await changedSince(options.base, directory);
    const real = await Promise.all(all.map((source) => realpath(source.path).catch(() => source.path)));
    const pending = all.filter((_, index) => changed.has(real[index]!));
    return { pending, how: `changed or added since ${options.base} (git)`, earlierFiles: "pending" };
  }
  if (options.newest !== undefined) {
    return {
      pending: all.slice(Math.max(0, all.length - options.newest)),
      how: `the newest ${options.newest} (--newest)`,
      earlierFiles: "pending",
    };
  }
  if (options.db !== undefined) {
    const applied = await readAppliedVersions(options.db);
    if (applied === undefined)
      return {
        pending: [...all],
        how: `all: ${options.db.displayUrl} has no confiture.migrations table`,
        earlierFiles: "pending",
      };
    const versions = new Set(applied);
    return {
      pending: all.filter((source) => source.version === undefined || !versions.has(source.version)),
      how: `not in confiture.migrations on ${options.db.displayUrl}`,
      earlierFiles: "pending",
    };
  }
  const recorded = options.snapshot?.appliedMigrations;
  if (recorded !== undefined) {
    const versions = new Set(recorded);
    return {
      pending: all.filter((source) => source.version === undefined || !versions.has(source.version)),
      how: "not applied according to the statistics snapshot",
      earlierFiles: "pending",
    };
  }
  return {
    pending: [...all],
    how: "not known (no --db, --snapshot, --base or --newest): each migration judged as if the ones before it were applied",
    earlierFiles: "applied",
  };
}
