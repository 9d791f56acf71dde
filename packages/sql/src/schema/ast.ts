import type { Node, RangeVar } from "@pgsql/types";

/**
 * Small readers over libpg-query nodes, shared by the schema model and the volatility walker.
 * Nodes are tagged unions (`{ CreateStmt: {...} }`); these helpers keep the narrowing in one place.
 */

/** The single tag of a node (`"CreateStmt"`) and its payload. */
export function unwrapNode(node: Node | undefined): { tag: string; value: Record<string, unknown> } | undefined {
  if (node === undefined || node === null || typeof node !== "object") return undefined;
  const tag = Object.keys(node)[0];
  if (tag === undefined) return undefined;
  return { tag, value: (node as unknown as Record<string, Record<string, unknown>>)[tag] ?? {} };
}

/** The payload of a node when it has the given tag. */
export function nodeOf<T>(node: Node | undefined, tag: string): T | undefined {
  const unwrapped = unwrapNode(node);
  return unwrapped?.tag === tag ? (unwrapped.value as T) : undefined;
}

/** The text of a `{ String: { sval } }` node (also accepts `A_Star` as `*`). */
export function stringOf(node: Node | undefined): string | undefined {
  const unwrapped = unwrapNode(node);
  if (unwrapped === undefined) return undefined;
  if (unwrapped.tag === "String") return (unwrapped.value.sval as string | undefined) ?? "";
  if (unwrapped.tag === "A_Star") return "*";
  return undefined;
}

/** The texts of a list of `String` nodes (qualified names, column lists). */
export function stringsOf(nodes: Node[] | undefined): string[] {
  const result: string[] = [];
  for (const node of nodes ?? []) {
    const text = stringOf(node);
    if (text !== undefined) result.push(text);
  }
  return result;
}

/** The integer of an `Integer` node or of an integer `A_Const`. */
export function integerOf(node: Node | undefined): number | undefined {
  const unwrapped = unwrapNode(node);
  if (unwrapped === undefined) return undefined;
  if (unwrapped.tag === "Integer") return (unwrapped.value.ival as number | undefined) ?? 0;
  if (unwrapped.tag === "A_Const") {
    const integer = unwrapped.value.ival as { ival?: number } | undefined;
    if (integer !== undefined) return integer.ival ?? 0;
  }
  return undefined;
}

/** A qualified name (`[schema, name]` or `[name]`) from a list of String nodes. */
export function qualifiedNameOf(nodes: Node[] | undefined): { schema?: string; name: string } | undefined {
  const parts = stringsOf(nodes);
  const name = parts[parts.length - 1];
  if (name === undefined) return undefined;
  const schema = parts.length > 1 ? parts[parts.length - 2] : undefined;
  return schema === undefined ? { name } : { schema, name };
}

/** A RangeVar's schema and name, as written (already folded by the parser). */
export function rangeVarName(relation: RangeVar | undefined): { schema?: string; name: string } | undefined {
  if (relation?.relname === undefined) return undefined;
  return relation.schemaname === undefined ? { name: relation.relname } : { schema: relation.schemaname, name: relation.relname };
}
