import { normaliseRelation } from "./table-statistics.js";

/** Reads parse trees of libpg-query without depending on its generated types: only what costing needs. */

type Json = Record<string, unknown>;

/** The payload of a node tagged `tag` (`{ IndexElem: {...} }`), or undefined. */
export function nodeOf(value: unknown, tag: string): Json | undefined {
  if (value === null || typeof value !== "object") return undefined;
  const inner = (value as Json)[tag];
  return inner !== null && typeof inner === "object" ? (inner as Json) : undefined;
}

/** A field of the first (only) tagged payload of a node: `field({ IndexStmt: { relation } }, "relation")`. */
export function field(value: unknown, name: string): unknown {
  if (value === null || typeof value !== "object") return undefined;
  const payload = Object.values(value as Json)[0];
  return payload !== null && typeof payload === "object" ? (payload as Json)[name] : undefined;
}

/** The elements of a node list. */
export function childNodes(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The `String` values of a list (names, collations). */
export function strings(value: unknown): string[] {
  return childNodes(value)
    .map((item) => nodeOf(item, "String")?.sval)
    .filter((text): text is string => typeof text === "string");
}

/** A RangeVar as the lock model names relations (`schema.name`, or `name` in public). */
export function relationOf(value: unknown): string | undefined {
  if (value === null || typeof value !== "object") return undefined;
  const range = value as { schemaname?: unknown; relname?: unknown };
  if (typeof range.relname !== "string") return undefined;
  return normaliseRelation(typeof range.schemaname === "string" ? range.schemaname : "public", range.relname);
}
