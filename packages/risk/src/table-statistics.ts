import type { RiskConfig } from "./config.js";
import type { InputSource } from "./factors.js";

/** Sizes and dependents of one table, wherever they came from. */
export interface TableStatistics {
  /** `schema.name`, or `name` for public: the lock model's naming. */
  relation: string;
  totalBytes: number;
  /** The heap with its free-space and visibility maps, without TOAST and indexes (what a rewrite copies and a scan reads). */
  tableBytes: number;
  indexBytes: number;
  rowEstimate: number;
  /** Foreign keys in and out, views and triggers; undefined when unknown. */
  dependencies?: number;
  source: InputSource;
}

/** What the server looks like while the migration would run. */
export interface ServerActivity {
  connections: number;
  maxConnections: number;
  /** Age of the oldest open transaction of another session, when known. */
  longestTransactionSeconds?: number;
}

/** Everything the formula and the predictor know about the target, and where it came from. */
export interface RiskInputs {
  /** Where the sizes came from: the database, a statistics snapshot, or the configured assumptions. */
  source: "database" | "snapshot" | "assumptions";
  tables: readonly TableStatistics[];
  activity?: ServerActivity;
  /** The target's PostgreSQL major version, when known. */
  serverMajorVersion?: number;
  /** When the statistics were taken (snapshots and databases). */
  takenAt?: string;
}

/** The relation name as the lock model writes it: `public.users` becomes `users`. */
export function normaliseRelation(schema: string, name: string): string {
  return schema === "public" ? name : `${schema}.${name}`;
}

/**
 * Statistics of a relation: from the inputs when they know it, else an empty table when the
 * migration creates it, else the configured assumption (per-table override first).
 */
export function statisticsFor(
  relation: string,
  inputs: RiskInputs,
  config: RiskConfig,
  createdByMigration: ReadonlySet<string>,
): TableStatistics {
  const known = inputs.tables.find((table) => table.relation === relation);
  if (known !== undefined) return known;
  if (createdByMigration.has(relation)) {
    return { relation, totalBytes: 0, tableBytes: 0, indexBytes: 0, rowEstimate: 0, dependencies: 0, source: "migration" };
  }
  const assumptions = config.assumptions;
  const override = assumptions.tables[relation];
  const tableBytes = override?.tableBytes ?? assumptions.tableBytes;
  const indexBytes = override?.indexBytes ?? assumptions.indexBytes;
  return {
    relation,
    tableBytes,
    indexBytes,
    totalBytes: tableBytes + indexBytes,
    rowEstimate: override?.rowEstimate ?? assumptions.rowEstimate,
    dependencies: assumptions.dependencies,
    source: "assumptions",
  };
}
