import { MigrationFilesError, MigrationTargetError } from "./errors.js";
import { readMigrationDirectory } from "./files.js";
import { prepareMigration } from "./prepare.js";
import { type RunResult, runPlan } from "./run.js";
import { type RunOptions, withRunSession } from "./session.js";
import { readAppliedMigrations } from "./tracking.js";

/** Options of `migrateDown`: revert the last `steps` migrations (default 1), or every one after `to`. */
export interface DownOptions extends RunOptions {
  steps?: number;
  /** Revert every applied migration with a later version; this one stays applied. */
  to?: string;
}

/**
 * Reverts applied migrations, newest first, with their down files, firing the same phases as
 * `up`. Every migration to revert must have a down file, checked before anything runs.
 */
export async function migrateDown(options: DownOptions): Promise<RunResult> {
  if (options.steps !== undefined && options.to !== undefined) throw new MigrationTargetError("give --steps or --to, not both");
  if (options.steps !== undefined && (!Number.isInteger(options.steps) || options.steps < 1)) {
    throw new MigrationTargetError(`--steps must be a positive whole number (got ${options.steps})`);
  }
  const directory = await readMigrationDirectory(options.directory);
  return withRunSession(options, async (session) => {
    const applied = await readAppliedMigrations(session.connection);
    if (options.to !== undefined && !applied.some((migration) => migration.version === options.to)) {
      throw new MigrationTargetError(`--to ${options.to}: that version is not applied`);
    }
    const newestFirst = [...applied].reverse();
    const targets =
      options.to !== undefined
        ? newestFirst.filter((migration) => migration.version > (options.to as string))
        : newestFirst.slice(0, options.steps ?? 1);
    const byVersion = new Map(directory.migrations.map((migration) => [migration.version, migration]));
    const files = targets.map((target) => {
      const file = byVersion.get(target.version);
      if (file === undefined)
        throw new MigrationFilesError(`migration ${target.version}_${target.name} is applied but its files are gone`);
      return file;
    });
    const reverted = new Set(targets.map((target) => target.version));
    const appliedFiles = directory.migrations.filter((migration) => applied.some((entry) => entry.version === migration.version));
    return runPlan(session, options, {
      direction: "down",
      migrations: await Promise.all(files.map((file) => prepareMigration(file, "down", session.lockModel))),
      resume: new Set(),
      files: directory.migrations,
      before: appliedFiles,
      after: appliedFiles.filter((migration) => !reverted.has(migration.version)),
      unrecognized: directory.unrecognized,
    });
  });
}
