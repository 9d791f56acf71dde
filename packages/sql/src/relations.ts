import type { Node, RangeVar } from "@pgsql/types";
import { stringsOf, unwrapNode } from "./schema/ast.js";
import type { RelationReference } from "./types.js";

/**
 * The name of a relation as the lock model and the tracer of `@confiture/db` write it: `schema.name`
 * when a schema is written, else `name`; a written `public` schema is dropped (`public.users` -> `users`).
 */
export function relationKey(relation: { schema?: string | undefined; name: string }): string {
  return relation.schema === undefined || relation.schema === "public" ? relation.name : `${relation.schema}.${relation.name}`;
}

/** A reference from a RangeVar, or undefined when it has no name. */
export function referenceFromRangeVar(
  rangeVar: RangeVar | undefined,
  role: RelationReference["role"],
  objectType?: RelationReference["objectType"],
  created?: boolean,
): RelationReference | undefined {
  if (rangeVar?.relname === undefined) return undefined;
  return makeReference({ schema: rangeVar.schemaname, name: rangeVar.relname }, role, objectType, created);
}

/** A reference from a qualified name list (`[schema, name]` or `[name]`, as String nodes). */
export function referenceFromNames(
  names: Node[] | undefined,
  role: RelationReference["role"],
  objectType?: RelationReference["objectType"],
): RelationReference | undefined {
  const parts = stringsOf(names);
  const name = parts[parts.length - 1];
  if (name === undefined) return undefined;
  return makeReference({ schema: parts.length > 1 ? parts[parts.length - 2] : undefined, name }, role, objectType);
}

function makeReference(
  name: { schema?: string | undefined; name: string },
  role: RelationReference["role"],
  objectType: RelationReference["objectType"] | undefined,
  created?: boolean,
): RelationReference {
  return {
    ...(name.schema === undefined ? {} : { schema: name.schema }),
    name: name.name,
    role,
    ...(objectType === undefined ? {} : { objectType }),
    ...(created === true ? { created: true } : {}),
  };
}

/**
 * Every table a query reads (FROM, JOIN, subqueries, CTE bodies), as `referenced` relations, and the
 * tables that data-modifying CTEs (`WITH gone AS (DELETE FROM t ...)`) change, as `target`.
 * Names that a WITH clause defines are not tables and are left out.
 */
export function queryRelations(node: unknown): RelationReference[] {
  const cteNames = new Set<string>();
  const found: Array<{ rangeVar: RangeVar; role: RelationReference["role"] }> = [];
  walk(node, (tag, value) => {
    if (tag === "CommonTableExpr" && typeof value.ctename === "string") cteNames.add(value.ctename);
    if (tag === "RangeVar") found.push({ rangeVar: value as RangeVar, role: "referenced" });
    if (DATA_MODIFYING.has(tag) && value.relation !== undefined)
      found.push({ rangeVar: value.relation as RangeVar, role: "target" });
  });
  const references: RelationReference[] = [];
  for (const { rangeVar, role } of found) {
    if (rangeVar.schemaname === undefined && rangeVar.relname !== undefined && cteNames.has(rangeVar.relname)) continue;
    const reference = referenceFromRangeVar(rangeVar, role, "table");
    if (reference !== undefined) references.push(reference);
  }
  return references;
}

const DATA_MODIFYING = new Set(["InsertStmt", "UpdateStmt", "DeleteStmt", "MergeStmt"]);

/** Visit every tagged node under `value`, depth first. */
export function walk(value: unknown, visit: (tag: string, payload: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, visit);
    return;
  }
  if (value === null || typeof value !== "object") return;
  const unwrapped = unwrapNode(value as Node);
  if (unwrapped !== undefined && /^[A-Z]/.test(unwrapped.tag) && Object.keys(value).length === 1) {
    visit(unwrapped.tag, unwrapped.value);
  }
  for (const child of Object.values(value as Record<string, unknown>)) walk(child, visit);
}

/** Keep the first reference of each (name, role) pair, in order. */
export function uniqueReferences(references: Array<RelationReference | undefined>): RelationReference[] {
  const seen = new Set<string>();
  const result: RelationReference[] = [];
  for (const reference of references) {
    if (reference === undefined) continue;
    const key = `${relationKey(reference)}\u0000${reference.role}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(reference);
  }
  return result;
}
