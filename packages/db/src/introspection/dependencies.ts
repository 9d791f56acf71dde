import { RelationNotFoundError } from "../errors.js";
import type { Queryable } from "../types.js";
import { formatRelationName, requestedRelations } from "./relation-names.js";

/** A foreign key, seen from either end. */
export interface ForeignKeyInfo {
  name: string;
  /** The table on the other end (the referenced table for `foreignKeysOut`, the referencing one for `foreignKeysIn`). */
  table: string;
  /** Columns of the referencing table. */
  columns: string[];
  /** Columns of the referenced table. */
  referencedColumns: string[];
  /** `pg_get_constraintdef`, e.g. `FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE`. */
  definition: string;
  /** False while the constraint is NOT VALID. */
  validated: boolean;
}

/** A view or materialized view built on the table, directly or through other views. */
export interface DependentViewInfo {
  relation: string;
  kind: "view" | "materialized view";
  /** 1 when the view reads the table itself, 2 when it reads a view that does, and so on. */
  depth: number;
}

/** A user trigger on the table. */
export interface TriggerInfo {
  name: string;
  /** `pg_get_triggerdef`. */
  definition: string;
  /** The trigger function, named like relations (`schema.name`, `public` dropped). */
  function: string;
  enabled: boolean;
}

/** What else a change to a table touches or is blocked by. */
export interface TableDependencies {
  relation: string;
  foreignKeysOut: ForeignKeyInfo[];
  foreignKeysIn: ForeignKeyInfo[];
  views: DependentViewInfo[];
  triggers: TriggerInfo[];
}

async function resolveTableOid(database: Queryable, table: string): Promise<{ oid: number; relation: string }> {
  const { rows } = await database.query<{ oid: number; schema: string; name: string }>(
    `SELECT c.oid, n.nspname AS schema, c.relname AS name
     FROM ${requestedRelations("$1")} AS r
     JOIN pg_namespace n ON n.nspname = r.schema
     JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = r.name AND c.relkind IN ('r', 'p', 'm', 'v', 'f')`,
    [[table]],
  );
  const row = rows[0];
  if (row === undefined) throw new RelationNotFoundError(table);
  return { oid: Number(row.oid), relation: formatRelationName(row.schema, row.name) };
}

const columnNames = (table: string, keys: string) =>
  `ARRAY(SELECT a.attname::text FROM unnest(${keys}) WITH ORDINALITY AS k(attnum, position)
         JOIN pg_attribute a ON a.attrelid = ${table} AND a.attnum = k.attnum ORDER BY k.position)`;

async function foreignKeys(database: Queryable, oid: number, direction: "out" | "in"): Promise<ForeignKeyInfo[]> {
  const [own, other] = direction === "out" ? ["conrelid", "confrelid"] : ["confrelid", "conrelid"];
  const { rows } = await database.query<{
    name: string;
    schema: string;
    table: string;
    columns: string[];
    referenced_columns: string[];
    definition: string;
    validated: boolean;
  }>(
    `SELECT con.conname AS name, n.nspname AS schema, c.relname AS table,
            ${columnNames("con.conrelid", "con.conkey")} AS columns,
            ${columnNames("con.confrelid", "con.confkey")} AS referenced_columns,
            pg_get_constraintdef(con.oid) AS definition, con.convalidated AS validated
     FROM pg_constraint con
     JOIN pg_class c ON c.oid = con.${other} JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE con.contype = 'f' AND con.${own} = $1::oid
     ORDER BY con.conname, n.nspname, c.relname`,
    [oid],
  );
  return rows.map((row) => ({
    name: row.name,
    table: formatRelationName(row.schema, row.table),
    columns: row.columns,
    referencedColumns: row.referenced_columns,
    definition: row.definition,
    validated: row.validated,
  }));
}

async function dependentViews(database: Queryable, oid: number): Promise<DependentViewInfo[]> {
  // A view depends on a table through its _RETURN rule (pg_rewrite), recorded in pg_depend.
  const { rows } = await database.query<{ schema: string; name: string; relkind: string; depth: number }>(
    `WITH RECURSIVE dependents(oid, depth) AS (
       SELECT DISTINCT r.ev_class, 1
       FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid
       WHERE d.classid = 'pg_rewrite'::regclass AND d.refclassid = 'pg_class'::regclass
         AND d.refobjid = $1::oid AND r.ev_class <> $1::oid
       UNION
       SELECT r.ev_class, dependents.depth + 1
       FROM dependents
       JOIN pg_depend d ON d.refobjid = dependents.oid AND d.refclassid = 'pg_class'::regclass AND d.classid = 'pg_rewrite'::regclass
       JOIN pg_rewrite r ON r.oid = d.objid
       WHERE r.ev_class <> dependents.oid AND dependents.depth < 32
     )
     SELECT n.nspname AS schema, c.relname AS name, c.relkind::text AS relkind, min(dependents.depth)::int AS depth
     FROM dependents JOIN pg_class c ON c.oid = dependents.oid JOIN pg_namespace n ON n.oid = c.relnamespace
     GROUP BY n.nspname, c.relname, c.relkind
     ORDER BY min(dependents.depth), n.nspname, c.relname`,
    [oid],
  );
  return rows.map((row) => ({
    relation: formatRelationName(row.schema, row.name),
    kind: row.relkind === "m" ? "materialized view" : "view",
    depth: Number(row.depth),
  }));
}

async function triggers(database: Queryable, oid: number): Promise<TriggerInfo[]> {
  const { rows } = await database.query<{
    name: string;
    definition: string;
    function_schema: string;
    function_name: string;
    enabled: boolean;
  }>(
    `SELECT t.tgname AS name, pg_get_triggerdef(t.oid) AS definition, n.nspname AS function_schema, p.proname AS function_name,
            t.tgenabled <> 'D' AS enabled
     FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE t.tgrelid = $1::oid AND NOT t.tgisinternal
     ORDER BY t.tgname`,
    [oid],
  );
  return rows.map((row) => ({
    name: row.name,
    definition: row.definition,
    function: formatRelationName(row.function_schema, row.function_name),
    enabled: row.enabled,
  }));
}

/**
 * Foreign keys out of and into a table, the views and materialized views built on it (transitively),
 * and its user triggers. The table is `schema.name` or `name` (in `public`).
 * @throws RelationNotFoundError when there is no such table.
 */
export async function getTableDependencies(database: Queryable, table: string): Promise<TableDependencies> {
  const { oid, relation } = await resolveTableOid(database, table);
  return {
    relation,
    foreignKeysOut: await foreignKeys(database, oid, "out"),
    foreignKeysIn: await foreignKeys(database, oid, "in"),
    views: await dependentViews(database, oid),
    triggers: await triggers(database, oid),
  };
}
