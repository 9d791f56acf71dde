import type { Database } from "@confiture/db";
import { readMigrationDirectory, type UnrecognizedFile } from "./files.js";
import { findInvalidIndexes, type InvalidIndex } from "./introspect.js";
import { lockModelVersion, prepareMigration } from "./prepare.js";
import { findUntrackedObjects } from "./tracking-consistency.js";
import { completedStatementCount, readAppliedMigrations } from "./tracking.js";

/** Where one migration stands. */
export type MigrationState = "applied" | "pending" | "drifted" | "partial" | "missing";

/** One line of `migrate status`. */
export interface MigrationStatusEntry {
  version: string;
  name: string;
  /** `drifted`: applied, but its up file changed since; `missing`: applied, but its files are gone; `partial`: stopped part way outside a transaction. */
  state: MigrationState;
  /** False when it runs (or ran) statement by statement outside a transaction; null when it cannot be parsed. */
  transactional: boolean | null;
  checksum?: string;
  appliedAt?: string;
  appliedBy?: string;
  durationMs?: number | null;
  statements?: number;
  /** For `partial`: how many statements completed. */
  completedStatements?: number;
  /** What is wrong, for `drifted`, `missing`, `partial` and unparsable pending files. */
  problem?: string;
}

/** The report of `migrate status`. `ok` is false when a migration drifted or stopped part way. */
export interface StatusReport {
  database: string;
  directory: string;
  migrations: MigrationStatusEntry[];
  unrecognized: UnrecognizedFile[];
  invalidIndexes: InvalidIndex[];
  summary: Record<MigrationState, number>;
  /**
   * Pending migrations whose objects already exist: the tracking table lost their records
   * (truncated or damaged). Non-empty makes `ok` false.
   */
  inconsistencies: Array<{ version: string; name: string; existing: string[] }>;
  ok: boolean;
}

/** Compares the migrations directory with the tracking table, without taking the lock or changing anything. */
export async function migrationStatus(options: { database: Database; directory: string }): Promise<StatusReport> {
  const directory = await readMigrationDirectory(options.directory);
  const { database } = options;
  const applied = await readAppliedMigrations(database);
  const lockModel = lockModelVersion(await database.serverMajorVersion());
  const byVersion = new Map(applied.map((migration) => [migration.version, migration]));
  const entries: MigrationStatusEntry[] = [];
  for (const file of directory.migrations) {
    const tracked = byVersion.get(file.version);
    let transactional: boolean | null = null;
    let statements: number | undefined;
    let problem: string | undefined;
    try {
      const prepared = await prepareMigration(file, "up", lockModel);
      transactional = prepared.transactional;
      statements = prepared.statements.length;
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
    if (tracked === undefined) {
      entries.push({
        version: file.version,
        name: file.name,
        state: "pending",
        transactional,
        checksum: file.checksum,
        ...(statements === undefined ? {} : { statements }),
        ...(problem === undefined ? {} : { problem }),
      });
      continue;
    }
    const entry: MigrationStatusEntry = {
      version: file.version,
      name: file.name,
      state: "applied",
      transactional: tracked.transactional,
      checksum: tracked.checksum,
      appliedAt: tracked.appliedAt.toISOString(),
      appliedBy: tracked.appliedBy,
      durationMs: tracked.durationMs,
      ...(statements === undefined ? {} : { statements }),
    };
    if (tracked.checksum !== file.checksum) {
      entry.state = "drifted";
      entry.problem = `the up file changed since it was applied (checksum ${tracked.checksum.slice(0, 12)} applied, ${file.checksum.slice(0, 12)} now)`;
    } else if (tracked.state === "partial") {
      entry.state = "partial";
      entry.completedStatements = await completedStatementCount(database, file.version);
      entry.problem = `stopped after ${entry.completedStatements} of ${statements ?? "?"} statements outside a transaction; \`migrate up\` resumes it`;
    }
    entries.push(entry);
  }
  const known = new Set(directory.migrations.map((file) => file.version));
  for (const tracked of applied) {
    if (known.has(tracked.version)) continue;
    entries.push({
      version: tracked.version,
      name: tracked.name,
      state: "missing",
      transactional: tracked.transactional,
      checksum: tracked.checksum,
      appliedAt: tracked.appliedAt.toISOString(),
      appliedBy: tracked.appliedBy,
      durationMs: tracked.durationMs,
      problem: "applied, but its files are not in the migrations directory",
    });
  }
  entries.sort((a, b) => (a.version < b.version ? -1 : a.version > b.version ? 1 : 0));
  const summary: Record<MigrationState, number> = { applied: 0, pending: 0, drifted: 0, partial: 0, missing: 0 };
  for (const entry of entries) summary[entry.state] += 1;
  const invalidIndexes = await findInvalidIndexes(database);
  const pendingFiles = directory.migrations.filter((file) => !byVersion.has(file.version));
  const untracked = await findUntrackedObjects(database, pendingFiles);
  const inconsistencies: StatusReport["inconsistencies"] = [];
  for (const entry of entries) {
    const existing = untracked.get(entry.version);
    if (entry.state !== "pending" || existing === undefined) continue;
    inconsistencies.push({ version: entry.version, name: entry.name, existing });
    entry.problem = `inconsistent tracking: pending, but ${existing.join(", ")}, which it creates, already exist(s); the tracking table (confiture.migrations) has lost the record of a migration that ran (truncated or damaged?). Restore it before running migrations.`;
  }
  return {
    database: database.displayUrl,
    directory: options.directory,
    migrations: entries,
    unrecognized: directory.unrecognized,
    invalidIndexes,
    summary,
    inconsistencies,
    ok: summary.drifted === 0 && summary.partial === 0 && inconsistencies.length === 0,
  };
}
