import type { Queryable } from "@confiture/db";

/** How many objects depend on a table: what a long lock on it also blocks or breaks. */
export interface DependencyCounts {
  foreignKeysOut: number;
  foreignKeysIn: number;
  /** Views and materialized views that read the table directly. */
  views: number;
  /** User triggers on the table. */
  triggers: number;
}

/**
 * Dependency counts of many tables (`schema.name`, or `name` for public) in ONE parameterised catalog
 * query: an assessment must stay fast on a database with thousands of tables, and per-table detail
 * (`getTableDependencies` of @confiture/db) costs five queries a table. Tables that do not exist are
 * left out.
 */
export async function getDependencyCounts(db: Queryable, relations: readonly string[]): Promise<Map<string, DependencyCounts>> {
  const counts = new Map<string, DependencyCounts>();
  if (relations.length === 0) return counts;
  const { rows } = await db.query<{ requested: string; out: string; in: string; views: string; triggers: string }>(
    `WITH requested AS (
       SELECT DISTINCT r.requested, c.oid
       FROM unnest($1::text[]) AS r(requested)
       CROSS JOIN LATERAL parse_ident(r.requested) AS parts
       JOIN pg_namespace n ON n.nspname = CASE WHEN cardinality(parts) >= 2 THEN parts[cardinality(parts) - 1] ELSE 'public' END
       JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = parts[cardinality(parts)] AND c.relkind IN ('r', 'p', 'm')
     )
     SELECT requested.requested,
       (SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND conrelid = requested.oid) AS out,
       (SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND confrelid = requested.oid) AS in,
       (SELECT count(DISTINCT w.ev_class) FROM pg_depend d JOIN pg_rewrite w ON w.oid = d.objid
         WHERE d.classid = 'pg_rewrite'::regclass AND d.refclassid = 'pg_class'::regclass
           AND d.refobjid = requested.oid AND w.ev_class <> requested.oid) AS views,
       (SELECT count(*) FROM pg_trigger WHERE tgrelid = requested.oid AND NOT tgisinternal) AS triggers
     FROM requested`,
    [[...relations]],
  );
  for (const row of rows) {
    counts.set(row.requested, {
      foreignKeysOut: Number(row.out),
      foreignKeysIn: Number(row.in),
      views: Number(row.views),
      triggers: Number(row.triggers),
    });
  }
  return counts;
}
