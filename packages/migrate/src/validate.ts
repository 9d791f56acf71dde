import type { Queryable } from "@confiture/db";
import type { MigrationFile } from "./files.js";
import { findInvalidIndexes, findUnvalidatedConstraints, type InvalidIndex, type UnvalidatedConstraint } from "./introspect.js";
import type { AppliedMigration } from "./tracking.js";

/** A tracked migration whose file changed or vanished. */
export interface DriftedMigration {
  version: string;
  name: string;
  /** `changed`: the up file's checksum differs from the applied one; `missing`: the up file is gone. */
  reason: "changed" | "missing";
  appliedChecksum: string;
  fileChecksum?: string;
}

/** Applied migrations whose up file no longer matches what ran. */
export function findDrift(applied: readonly AppliedMigration[], files: readonly MigrationFile[]): DriftedMigration[] {
  const byVersion = new Map(files.map((file) => [file.version, file]));
  const drifted: DriftedMigration[] = [];
  for (const migration of applied) {
    const file = byVersion.get(migration.version);
    if (file === undefined) {
      drifted.push({ version: migration.version, name: migration.name, reason: "missing", appliedChecksum: migration.checksum });
    } else if (file.checksum !== migration.checksum) {
      drifted.push({
        version: migration.version,
        name: migration.name,
        reason: "changed",
        appliedChecksum: migration.checksum,
        fileChecksum: file.checksum,
      });
    }
  }
  return drifted;
}

/** What the validate phase checks after a run. */
export interface ValidationReport {
  invalidIndexes: InvalidIndex[];
  unvalidatedConstraints: UnvalidatedConstraint[];
  /** Versions whose file changed since they were applied. */
  drifted: DriftedMigration[];
  checks: Array<{ name: string; passed: boolean; message?: string }>;
}

/** Reads the catalog and the tracking table for the validate phase. */
export async function validateDatabase(
  connection: Queryable,
  applied: readonly AppliedMigration[],
  files: readonly MigrationFile[],
): Promise<ValidationReport> {
  const invalidIndexes = await findInvalidIndexes(connection);
  const unvalidatedConstraints = await findUnvalidatedConstraints(connection);
  const drifted = findDrift(applied, files).filter((entry) => entry.reason === "changed");
  const names = (items: string[]) => (items.length === 0 ? undefined : items.join(", "));
  const check = (name: string, items: string[]) => {
    const message = names(items);
    return message === undefined ? { name, passed: true } : { name, passed: false, message };
  };
  return {
    invalidIndexes,
    unvalidatedConstraints,
    drifted,
    checks: [
      check(
        "invalid_indexes",
        invalidIndexes.map((index) => `${index.schema}.${index.name} on ${index.table} is invalid`),
      ),
      check(
        "unvalidated_constraints",
        unvalidatedConstraints.map((constraint) => `${constraint.schema}.${constraint.table}.${constraint.name} is NOT VALID`),
      ),
      check(
        "checksums",
        drifted.map((entry) => `${entry.version}_${entry.name} changed since it was applied`),
      ),
    ],
  };
}
