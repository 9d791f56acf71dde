/**
 * The name confiture gives a relation everywhere (lock model, tracer, reports): `schema.name`, or just
 * `name` in the `public` schema.
 */
export function formatRelationName(schema: string, name: string): string {
  return schema === "public" ? name : `${schema}.${name}`;
}

/** Schemas that hold PostgreSQL's own objects, never the user's. */
export const systemSchemaCondition = (namespaceAlias: string): string =>
  `${namespaceAlias}.nspname NOT IN ('pg_catalog', 'information_schema') AND ${namespaceAlias}.nspname NOT LIKE 'pg\\_toast%' AND ${namespaceAlias}.nspname NOT LIKE 'pg\\_temp\\_%'`;

/**
 * A FROM-clause item yielding `(schema, name)` for each table name in the text[] parameter `parameter`.
 * The server splits and case-folds the names (`parse_ident`), so `"My Table"`, `Sales.Orders` and
 * `orders` all follow PostgreSQL's own rules; a name without a schema means `public`.
 */
export const requestedRelations = (parameter: string): string => `(
  SELECT CASE WHEN cardinality(parts) >= 2 THEN parts[cardinality(parts) - 1] ELSE 'public' END AS schema,
         parts[cardinality(parts)] AS name,
         requested.text AS requested
  FROM unnest(${parameter}::text[]) AS requested(text)
  CROSS JOIN LATERAL parse_ident(requested.text) AS parts
)`;
