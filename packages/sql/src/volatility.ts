import type { FuncCall, Node } from "@pgsql/types";
import { FUNCTION_VOLATILITY_ENTRIES, type VolatilityCode } from "./generated/function-volatility.js";
import { qualifiedNameOf, unwrapNode } from "./schema/ast.js";

export type { VolatilityCode };

const BUILT_IN_VOLATILITY: ReadonlyMap<string, VolatilityCode> = new Map(FUNCTION_VOLATILITY_ENTRIES);

/**
 * The volatility of a built-in (pg_catalog) function by name, from `pg_proc` (generated): `i`
 * immutable, `s` stable, `v` volatile; undefined when PostgreSQL has no such built-in function.
 * Accepts `now` or `pg_catalog.now`; names in other schemas are not built-in.
 */
export function getFunctionVolatility(name: string): VolatilityCode | undefined {
  const dot = name.lastIndexOf(".");
  if (dot === -1) return BUILT_IN_VOLATILITY.get(name);
  if (name.slice(0, dot) !== "pg_catalog") return undefined;
  return BUILT_IN_VOLATILITY.get(name.slice(dot + 1));
}

/** Options of {@link isVolatileExpression}. */
export interface VolatilityOptions {
  /**
   * Volatility of functions the built-in table does not know (functions created by the migrations,
   * extension functions). Consulted first; returning undefined falls back to the built-in table.
   */
  resolveFunction?: (name: string, schema: string | undefined) => VolatilityCode | undefined;
}

/**
 * Whether evaluating an expression may give a different value for each row, as PostgreSQL decides
 * it for `ADD COLUMN ... DEFAULT` (a volatile default rewrites the table; a stable one such as
 * `now()` or `CURRENT_TIMESTAMP` is evaluated once). True when the expression calls a volatile
 * function or one whose volatility is unknown (conservative), or contains a subquery. Constants,
 * casts, operators, `CURRENT_*` value functions and calls to stable or immutable functions are not.
 */
export function isVolatileExpression(node: Node | undefined, options: VolatilityOptions = {}): boolean {
  return containsVolatile(node, options);
}

function containsVolatile(value: unknown, options: VolatilityOptions): boolean {
  if (Array.isArray(value)) return value.some((item) => containsVolatile(item, options));
  if (value === null || typeof value !== "object") return false;
  const unwrapped = unwrapNode(value as Node);
  if (unwrapped !== undefined) {
    if (unwrapped.tag === "FuncCall" && isVolatileCall(unwrapped.value as FuncCall, options)) return true;
    // A subquery's volatility depends on what it reads; treat it as unknown, hence volatile.
    if (unwrapped.tag === "SubLink") return true;
  }
  // Walk every field generically, so operators, CASE, COALESCE, arrays, casts and function
  // arguments are all covered without listing each node type.
  return Object.values(value as Record<string, unknown>).some((child) => containsVolatile(child, options));
}

function isVolatileCall(call: FuncCall, options: VolatilityOptions): boolean {
  const name = qualifiedNameOf(call.funcname);
  if (name === undefined) return true;
  const resolved =
    options.resolveFunction?.(name.name, name.schema) ??
    (name.schema === undefined || name.schema === "pg_catalog" ? BUILT_IN_VOLATILITY.get(name.name) : undefined);
  return resolved === undefined || resolved === "v";
}
