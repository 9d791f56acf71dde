import type { Queryable } from "@confiture/db";

/** Size of a table when a statement ran on it. */
export interface TableSize {
  bytes: number;
  rowEstimate: number;
}

/** A table as the analyze-schema phase sees it. */
export interface IntrospectedTable {
  schema: string;
  name: string;
  bytes: number;
  rowEstimate: number;
}

/** An index PostgreSQL marks invalid (`pg_index.indisvalid = false`): a failed CREATE INDEX CONCURRENTLY leaves one. */
export interface InvalidIndex {
  schema: string;
  name: string;
  table: string;
}

/** A constraint added `NOT VALID` and not validated yet (`pg_constraint.convalidated = false`). */
export interface UnvalidatedConstraint {
  schema: string;
  table: string;
  name: string;
  type: "check" | "foreign_key" | "other";
}

const userSchemas = "n.nspname NOT IN ('pg_catalog', 'information_schema', 'confiture') AND n.nspname NOT LIKE 'pg\\_%'";

/** Tables of the user's schemas with their size and row estimate (catalog queries only). */
export async function introspectTables(connection: Queryable): Promise<IntrospectedTable[]> {
  const { rows } = await connection.query<{
    schema: string;
    name: string;
    bytes: string | number;
    row_estimate: string | number;
  }>(
    `SELECT n.nspname AS schema, c.relname AS name, pg_total_relation_size(c.oid) AS bytes,
            greatest(c.reltuples, 0)::bigint AS row_estimate
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND ${userSchemas}
      ORDER BY 1, 2`,
  );
  return rows.map((row) => ({
    schema: row.schema,
    name: row.name,
    bytes: Number(row.bytes),
    rowEstimate: Number(row.row_estimate),
  }));
}

/** Sizes of the named tables (`schema.table`), in one round trip; tables that do not exist are absent. */
export async function tableSizes(connection: Queryable, tables: readonly string[]): Promise<Map<string, TableSize>> {
  const sizes = new Map<string, TableSize>();
  const unique = [...new Set(tables)];
  if (unique.length === 0) return sizes;
  const { rows } = await connection.query<{ name: string; bytes: string | number; row_estimate: string | number }>(
    `SELECT t.name, pg_total_relation_size(c.oid) AS bytes, greatest(c.reltuples, 0)::bigint AS row_estimate
       FROM unnest($1::text[]) AS t(name)
       JOIN pg_namespace n ON n.nspname = split_part(t.name, '.', 1)
       JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = substr(t.name, length(split_part(t.name, '.', 1)) + 2)`,
    [unique],
  );
  for (const row of rows) sizes.set(row.name, { bytes: Number(row.bytes), rowEstimate: Number(row.row_estimate) });
  return sizes;
}

/** Every invalid index in the user's schemas. */
export async function findInvalidIndexes(connection: Queryable): Promise<InvalidIndex[]> {
  const { rows } = await connection.query<{ schema: string; name: string; table: string }>(
    `SELECT n.nspname AS schema, c.relname AS name, t.relname AS "table"
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indexrelid
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE NOT i.indisvalid AND ${userSchemas}
      ORDER BY 1, 2`,
  );
  return rows;
}

/** Every constraint still `NOT VALID` in the user's schemas. */
export async function findUnvalidatedConstraints(connection: Queryable): Promise<UnvalidatedConstraint[]> {
  const { rows } = await connection.query<{ schema: string; table: string; name: string; contype: string }>(
    `SELECT n.nspname AS schema, t.relname AS "table", c.conname AS name, c.contype::text AS contype
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE NOT c.convalidated AND ${userSchemas}
      ORDER BY 1, 2, 3`,
  );
  return rows.map((row) => ({
    schema: row.schema,
    table: row.table,
    name: row.name,
    type: row.contype === "c" ? "check" : row.contype === "f" ? "foreign_key" : "other",
  }));
}

/** Whether an index exists and is invalid (the leftover of a failed CREATE INDEX CONCURRENTLY). */
export async function isInvalidIndex(connection: Queryable, schema: string, name: string): Promise<boolean> {
  const { rows } = await connection.query<{ invalid: boolean }>(
    `SELECT NOT i.indisvalid AS invalid
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relname = $2`,
    [schema, name],
  );
  return rows[0]?.invalid === true;
}
