import type { Statement } from "@confiture/sql";
import type { InputSource } from "./factors.js";
import { normaliseRelation, type TableStatistics } from "./table-statistics.js";

/** The relations a statement creates (the parser marks them), named the way the lock model names them. */
export function relationsOf(statement: Statement): { created: string[] } {
  const created = statement.relations
    .filter((relation) => relation.created === true)
    .map((relation) => normaliseRelation(relation.schema ?? "public", relation.name));
  return { created };
}

/**
 * The source of a set of table statistics: the least reliable one among them (an assumption for one
 * table makes the total an assumption), or `fallback` when there are none.
 */
export function sourceOfAll(tables: readonly TableStatistics[], fallback: InputSource): InputSource {
  const order: InputSource[] = ["assumptions", "snapshot", "database", "migration"];
  for (const source of order) if (tables.some((table) => table.source === source)) return source;
  return fallback;
}
