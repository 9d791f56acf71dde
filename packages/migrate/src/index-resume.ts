import type { Queryable } from "@confiture/db";
import { parseSql } from "@confiture/sql";

/** What a resumed `CREATE INDEX CONCURRENTLY` finds under its index's name. */
export type ExistingIndex = "absent" | "invalid" | "same" | "different";

// Positions differ between the file and pg_get_indexdef; CONCURRENTLY and the schema are not part of what the index is.
function comparable(node: unknown, schema: string): string | undefined {
  const index = (node as { IndexStmt?: Record<string, unknown> } | undefined)?.IndexStmt;
  if (index === undefined) return undefined;
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value === null || typeof value !== "object") return value;
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== "location" && key !== "stmt_location" && key !== "stmt_len")
        .map(([key, inner]) => [key, strip(inner)]),
    );
  };
  const relation = index.relation as { relname?: string } | undefined;
  return JSON.stringify(
    strip({
      table: relation?.relname,
      schema,
      method: index.accessMethod ?? "btree",
      unique: index.unique === true,
      params: index.indexParams,
      including: index.indexIncludingParams ?? [],
      where: index.whereClause ?? null,
      nullsNotDistinct: index.nulls_not_distinct === true,
    }),
  );
}

/**
 * Looks at what a killed or failed `CREATE INDEX CONCURRENTLY` left: the server goes on building the
 * index after the client dies, so on resume the index may be valid already. `same` when a valid index
 * of that name has the statement's definition (the statement is done), `invalid` for a failed build
 * (drop and rebuild), `different` when another index holds the name (never dropped: a person decides).
 */
export async function inspectExistingIndex(
  connection: Queryable,
  created: { schema: string; name: string },
  statementText: string,
): Promise<ExistingIndex> {
  const { rows } = await connection.query<{ valid: boolean; definition: string }>(
    `SELECT i.indisvalid AS valid, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relname = $2`,
    [created.schema, created.name],
  );
  const found = rows[0];
  if (found === undefined) return "absent";
  if (!found.valid) return "invalid";
  const [wanted, existing] = await Promise.all([parseSql(statementText), parseSql(found.definition)]);
  const left = comparable(wanted.statements[0]?.node, created.schema);
  const right = comparable(existing.statements[0]?.node, created.schema);
  return left !== undefined && left === right ? "same" : "different";
}
