import type { Queryable } from "../types.js";
import { formatRelationName, requestedRelations } from "./relation-names.js";

/** One column as the cost of sorting and copying it depends on. */
export interface ColumnShape {
  name: string;
  /** `format_type`, e.g. `integer`, `text`, `character varying(80)`, `jsonb`. */
  type: string;
  /** Average stored width in bytes (`pg_stats.avg_width`), else the type's fixed length; null when unknown. */
  averageWidth: number | null;
  /**
   * Compared with a collation other than C/POSIX: sorting it calls the C library's strcoll for every
   * comparison and cannot use abbreviated keys, several times slower than integers.
   */
  collated: boolean;
  /** `pg_stats.correlation`: 1 or -1 when the physical order follows the values (a sort finds them presorted). */
  correlation: number | null;
}

/** One index: what building it again costs depends on its method and keys. */
export interface IndexShape {
  name: string;
  /** `btree`, `gin`, `gist`, `hash`, `brin`, ... */
  method: string;
  unique: boolean;
  /** Key columns in order; null for an expression key. */
  columns: (string | null)[];
  partial: boolean;
}

/** A foreign key of the table and the table it references. */
export interface ForeignKeyShape {
  name: string;
  /** The referenced table, named like `TableShape.relation`. */
  referencedRelation: string;
  validated: boolean;
}

/** The shape of a table: columns, indexes, foreign keys and fill factor. */
export interface TableShape {
  relation: string;
  columns: ColumnShape[];
  indexes: IndexShape[];
  foreignKeys: ForeignKeyShape[];
  /** The heap's fill factor in percent (100 unless set). */
  fillFactor: number;
}

type ShapeRow = {
  schema: string;
  name: string;
  columns: { name: string; type: string; width: number | null; collated: boolean; correlation: number | null }[] | string;
  indexes: { name: string; method: string; unique: boolean; columns: (string | null)[]; partial: boolean }[] | string | null;
  foreign_keys: { name: string; schema: string; table: string; validated: boolean }[] | string | null;
  fill_factor: number | null;
};

const parseJson = <T>(value: T | string): T => (typeof value === "string" ? (JSON.parse(value) as T) : value);

/**
 * Columns (type, average width, collation, physical correlation), indexes (method, keys) and foreign keys of the
 * given tables (`schema.name` or `name` for `public`), in one parameterised catalog query. These
 * drive what rebuilding or sorting costs: a text key under a libc collation sorts several times slower
 * than an integer, a GIN index costs per element. Tables that do not exist are left out.
 */
export async function getTableShapes(database: Queryable, tables: readonly string[]): Promise<TableShape[]> {
  if (tables.length === 0) return [];
  const { rows } = await database.query<ShapeRow>(
    `WITH target AS (
       SELECT c.oid, n.nspname AS schema, c.relname AS name, c.reloptions
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind IN ('r', 'p', 'm')
         AND (n.nspname, c.relname) IN (SELECT schema, name FROM ${requestedRelations("$1")} AS r)
     ), database_collation AS (
       SELECT datcollate AS name FROM pg_database WHERE datname = current_database()
     )
     SELECT t.schema, t.name,
       (SELECT substring(option FROM 'fillfactor=(\\d+)')::int FROM unnest(t.reloptions) AS option
         WHERE option LIKE 'fillfactor=%') AS fill_factor,
       (SELECT coalesce(json_agg(json_build_object(
           'name', a.attname,
           'type', format_type(a.atttypid, a.atttypmod),
           'width', coalesce(s.avg_width, CASE WHEN ty.typlen > 0 THEN ty.typlen END),
           'collated', CASE
             WHEN a.attcollation = 0 THEN false
             WHEN co.collname = 'default' THEN (SELECT name FROM database_collation) NOT IN ('C', 'POSIX')
             ELSE co.collname NOT IN ('C', 'POSIX') END,
           'correlation', s.correlation) ORDER BY a.attnum), '[]'::json)
        FROM pg_attribute a
        JOIN pg_type ty ON ty.oid = a.atttypid
        LEFT JOIN pg_collation co ON co.oid = a.attcollation
        LEFT JOIN pg_stats s ON s.schemaname = t.schema AND s.tablename = t.name AND s.attname = a.attname
          AND NOT s.inherited
        WHERE a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns,
       (SELECT json_agg(json_build_object(
           'name', i.relname,
           'method', am.amname,
           'unique', x.indisunique,
           'partial', x.indpred IS NOT NULL,
           'columns', (SELECT json_agg(CASE WHEN k.attnum = 0 THEN NULL ELSE a.attname END ORDER BY k.position)
                       FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, position)
                       LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                       WHERE k.position <= x.indnkeyatts)) ORDER BY i.relname)
        FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_am am ON am.oid = i.relam
        WHERE x.indrelid = t.oid) AS indexes,
       (SELECT json_agg(json_build_object('name', k.conname, 'schema', rn.nspname, 'table', r.relname,
           'validated', k.convalidated) ORDER BY k.conname)
        FROM pg_constraint k JOIN pg_class r ON r.oid = k.confrelid JOIN pg_namespace rn ON rn.oid = r.relnamespace
        WHERE k.conrelid = t.oid AND k.contype = 'f') AS foreign_keys
     FROM target t
     ORDER BY t.schema, t.name`,
    [[...tables]],
  );
  return rows.map((row) => ({
    relation: formatRelationName(row.schema, row.name),
    fillFactor: row.fill_factor ?? 100,
    columns: parseJson(row.columns).map((column) => ({
      name: column.name,
      type: column.type,
      averageWidth: column.width === null ? null : Number(column.width),
      collated: column.collated,
      correlation: column.correlation === null ? null : Number(column.correlation),
    })),
    indexes: row.indexes === null ? [] : parseJson(row.indexes),
    foreignKeys:
      row.foreign_keys === null
        ? []
        : parseJson(row.foreign_keys).map((key) => ({
            name: key.name,
            referencedRelation: formatRelationName(key.schema, key.table),
            validated: key.validated,
          })),
  }));
}
