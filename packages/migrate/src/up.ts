import { MigrationDriftError, MigrationTargetError } from "./errors.js";
import { readMigrationDirectory } from "./files.js";
import { prepareMigration } from "./prepare.js";
import { type RunResult, runPlan } from "./run.js";
import { type RunOptions, withRunSession } from "./session.js";
import { readAppliedMigrations } from "./tracking.js";
import { findDrift } from "./validate.js";

/** Options of `migrateUp`. */
export interface UpOptions extends RunOptions {
  /** Apply pending migrations up to and including this version. */
  to?: string;
}

/**
 * Applies the pending migrations in version order, each in its own transaction (or statement by
 * statement when it cannot run in one), under the migration lock, firing every lifecycle phase.
 * Refuses to start when an applied migration's file changed (`MigrationDriftError`) or a gate
 * refuses (`MigrationGateError`); a failed or cancelled migration is reported in the result.
 */
export async function migrateUp(options: UpOptions): Promise<RunResult> {
  const directory = await readMigrationDirectory(options.directory);
  if (options.to !== undefined && !directory.migrations.some((migration) => migration.version === options.to)) {
    throw new MigrationTargetError(`--to ${options.to}: no migration has that version in ${options.directory}`);
  }
  return withRunSession(options, async (session) => {
    const applied = await readAppliedMigrations(session.connection);
    const drifted = findDrift(applied, directory.migrations).filter((entry) => entry.reason === "changed");
    if (drifted.length > 0) throw new MigrationDriftError(drifted.map((entry) => `${entry.version}_${entry.name}`));
    const done = new Set(applied.filter((migration) => migration.state === "applied").map((migration) => migration.version));
    const partial = new Set(applied.filter((migration) => migration.state === "partial").map((migration) => migration.version));
    const pending = directory.migrations.filter(
      (migration) => !done.has(migration.version) && (options.to === undefined || migration.version <= options.to),
    );
    const pendingVersions = new Set(pending.map((migration) => migration.version));
    return runPlan(session, options, {
      direction: "up",
      migrations: await Promise.all(pending.map((migration) => prepareMigration(migration, "up", session.lockModel))),
      resume: partial,
      files: directory.migrations,
      before: directory.migrations.filter((migration) => done.has(migration.version)),
      after: directory.migrations.filter((migration) => done.has(migration.version) || pendingVersions.has(migration.version)),
      unrecognized: directory.unrecognized,
    });
  });
}
