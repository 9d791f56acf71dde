import type { Queryable } from "../types.js";
import { formatRelationName, requestedRelations, systemSchemaCondition } from "./relation-names.js";

/** A user table. */
export interface TableInfo {
  schema: string;
  name: string;
  /** `schema.name`, or `name` in `public`: the name the lock model and tracer use. */
  relation: string;
  kind: "table" | "partitioned table" | "materialized view";
  /** The planner's row estimate; null when the table was never vacuumed or analysed. */
  rowEstimate: number | null;
}

/** Disk use of a table; `totalBytes = tableBytes + indexBytes + toastBytes`. */
export interface TableSize extends TableInfo {
  totalBytes: number;
  /** The heap with its free-space and visibility maps, without TOAST. */
  tableBytes: number;
  indexBytes: number;
  /** The TOAST table and its index. */
  toastBytes: number;
}

const kinds: Record<string, TableInfo["kind"]> = { r: "table", p: "partitioned table", m: "materialized view" };

type TableRow = {
  schema: string;
  name: string;
  relkind: string;
  reltuples: number;
  relpages: number;
};

function toTableInfo(row: TableRow): TableInfo {
  // reltuples is -1 (PostgreSQL 14+) or 0 with no pages (older) until the first VACUUM/ANALYZE.
  const unknown = row.reltuples < 0 || (row.reltuples === 0 && row.relpages === 0);
  return {
    schema: row.schema,
    name: row.name,
    relation: formatRelationName(row.schema, row.name),
    kind: kinds[row.relkind] ?? "table",
    rowEstimate: unknown ? null : Math.round(row.reltuples),
  };
}

const tableColumns = `n.nspname AS schema, c.relname AS name, c.relkind, c.reltuples::float8 AS reltuples, c.relpages`;

/** Every user table, partitioned table and materialized view, sorted by schema and name. */
export async function listTables(database: Queryable): Promise<TableInfo[]> {
  const { rows } = await database.query<TableRow>(
    `SELECT ${tableColumns}
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p', 'm') AND ${systemSchemaCondition("n")}
     ORDER BY n.nspname, c.relname`,
  );
  return rows.map(toTableInfo);
}

/**
 * Sizes and row estimates of the given tables (`schema.name` or `name` for `public`), or of every user
 * table when `tables` is omitted. Tables that do not exist are left out. Largest first. A partitioned
 * table counts the sizes and rows of all its partitions (PostgreSQL 12+, for `pg_partition_tree`).
 */
export async function getTableSizes(database: Queryable, tables?: readonly string[]): Promise<TableSize[]> {
  const filter =
    tables === undefined ? "" : `AND (n.nspname, c.relname) IN (SELECT schema, name FROM ${requestedRelations("$1")} AS r)`;
  // A partitioned table has no storage of its own: its figures are the sums over its leaf partitions.
  const { rows } = await database.query<TableRow & { total: number; indexes: number; toast: number; leaf_tuples: number | null }>(
    `SELECT ${tableColumns}, tree.total, tree.indexes, tree.toast, tree.leaf_tuples
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     CROSS JOIN LATERAL (
       SELECT coalesce(sum(pg_total_relation_size(leaf.oid)), 0)::int8 AS total,
              coalesce(sum(pg_indexes_size(leaf.oid)), 0)::int8 AS indexes,
              coalesce(sum(CASE WHEN leaf.reltoastrelid = 0 THEN 0 ELSE pg_total_relation_size(leaf.reltoastrelid) END), 0)::int8 AS toast,
              sum(leaf.reltuples) FILTER (WHERE leaf.reltuples >= 0 AND leaf.relpages > 0)::float8 AS leaf_tuples
       FROM (
         SELECT relid FROM pg_partition_tree(c.oid) WHERE c.relkind = 'p' AND isleaf
         UNION ALL SELECT c.oid WHERE c.relkind <> 'p'
       ) AS part JOIN pg_class leaf ON leaf.oid = part.relid
     ) AS tree
     WHERE c.relkind IN ('r', 'p', 'm') AND ${systemSchemaCondition("n")} ${filter}
     ORDER BY tree.total DESC, n.nspname, c.relname`,
    tables === undefined ? [] : [[...tables]],
  );
  return rows.map((row) => {
    const totalBytes = Number(row.total);
    const indexBytes = Number(row.indexes);
    const toastBytes = Number(row.toast);
    const info = toTableInfo(row);
    if (row.relkind === "p") info.rowEstimate = row.leaf_tuples === null ? null : Math.round(Number(row.leaf_tuples));
    return { ...info, totalBytes, tableBytes: totalBytes - indexBytes - toastBytes, indexBytes, toastBytes };
  });
}

/** An index and its state. */
export interface IndexInfo {
  schema: string;
  name: string;
  /** The indexed table, named like `TableInfo.relation`. */
  table: string;
  /** `pg_get_indexdef`, e.g. `CREATE UNIQUE INDEX users_email_key ON public.users USING btree (email)`. */
  definition: string;
  sizeBytes: number;
  /** False for an index left behind by a failed CREATE INDEX CONCURRENTLY: it is maintained but never used. */
  valid: boolean;
  unique: boolean;
  primary: boolean;
}

/** Indexes of one table (`schema.name` or `name`), or of every user table. Sorted by table, then name. */
export async function getIndexes(database: Queryable, table?: string): Promise<IndexInfo[]> {
  const filter =
    table === undefined ? "" : `AND (tn.nspname, t.relname) IN (SELECT schema, name FROM ${requestedRelations("$1")} AS r)`;
  const { rows } = await database.query<{
    schema: string;
    name: string;
    table_schema: string;
    table_name: string;
    definition: string;
    size: number;
    valid: boolean;
    unique: boolean;
    primary: boolean;
  }>(
    `SELECT n.nspname AS schema, i.relname AS name, tn.nspname AS table_schema, t.relname AS table_name,
            pg_get_indexdef(i.oid) AS definition, pg_relation_size(i.oid) AS size,
            x.indisvalid AS valid, x.indisunique AS unique, x.indisprimary AS primary
     FROM pg_index x
     JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace n ON n.oid = i.relnamespace
     JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace tn ON tn.oid = t.relnamespace
     WHERE ${systemSchemaCondition("tn")} ${filter}
     ORDER BY tn.nspname, t.relname, i.relname`,
    table === undefined ? [] : [[table]],
  );
  return rows.map((row) => ({
    schema: row.schema,
    name: row.name,
    table: formatRelationName(row.table_schema, row.table_name),
    definition: row.definition,
    sizeBytes: Number(row.size),
    valid: row.valid,
    unique: row.unique,
    primary: row.primary,
  }));
}
