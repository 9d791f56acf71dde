import type { RiskConfig } from "./config.js";
import type { InputSource } from "./factors.js";

/** A column as sorting and copying it costs: its type, average width, collation and physical order. */
export interface ColumnStatistics {
  name: string;
  type: string;
  averageWidth: number | null;
  collated: boolean;
  correlation: number | null;
}

/** An index of the table: a rewrite rebuilds every one. */
export interface IndexStatistics {
  name: string;
  method: string;
  unique: boolean;
  /** Key columns; null for an expression. */
  columns: (string | null)[];
  partial: boolean;
}

/** Sizes and dependents of one table, wherever they came from. */
export interface TableStatistics {
  /** `schema.name`, or `name` for public: the lock model's naming. */
  relation: string;
  totalBytes: number;
  /** The heap with its free-space and visibility maps, without TOAST and indexes (what a rewrite copies and a scan reads). */
  tableBytes: number;
  indexBytes: number;
  /** The TOAST table: values stored out of line, which a rewrite copies too. */
  toastBytes: number;
  rowEstimate: number;
  /** Columns, when the catalog or a snapshot says (else the migration's own declarations or type defaults are used). */
  columns?: ColumnStatistics[];
  /** Indexes, when the catalog or a snapshot says. */
  indexes?: IndexStatistics[];
  /** Foreign keys of the table (name and referenced table), when known. */
  foreignKeys?: { name: string; referencedRelation: string }[];
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
  /** Which server the figures describe, when known: a calibration made on another one is worth less. */
  server?: ServerIdentity;
  /** Rows the planner expects DML statements to change (EXPLAIN without ANALYZE), by `file:line:column`. */
  statementRows?: Readonly<Record<string, number>>;
}

/** What identifies a server: its version, how it is reached, and a fingerprint of the cluster when known. */
export interface ServerIdentity {
  majorVersion: number;
  /** `version()`. */
  version?: string;
  /** `pg` for a server, `pglite` for PostgreSQL compiled to WebAssembly running in this process. */
  driver?: string;
  /** The cluster's system identifier (or address and port when that is not readable). */
  fingerprint?: string;
}

/** The key statement row estimates are stored under. */
export const statementKey = (file: string, line: number, column: number) => `${file}:${line}:${column}`;

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
    return {
      relation,
      totalBytes: 0,
      tableBytes: 0,
      indexBytes: 0,
      toastBytes: 0,
      rowEstimate: 0,
      dependencies: 0,
      source: "migration",
    };
  }
  const assumptions = config.assumptions;
  const override = assumptions.tables[relation];
  const tableBytes = override?.tableBytes ?? assumptions.tableBytes;
  const indexBytes = override?.indexBytes ?? assumptions.indexBytes;
  return {
    relation,
    tableBytes,
    indexBytes,
    toastBytes: override?.toastBytes ?? 0,
    totalBytes: tableBytes + indexBytes + (override?.toastBytes ?? 0),
    rowEstimate: override?.rowEstimate ?? assumptions.rowEstimate,
    dependencies: assumptions.dependencies,
    source: "assumptions",
  };
}
