import type { ColumnType } from "@confiture/sql";
import type { KeyShape } from "./cost-model.js";
import type { TableStatistics } from "./table-statistics.js";

/** Column types the migrations declared, keyed `relation\u0000column`. */
export type TypedColumns = ReadonlyMap<string, ColumnType>;

const FIXED_WIDTHS: Record<string, number> = {
  bool: 1,
  int2: 2,
  int4: 4,
  integer: 4,
  int8: 8,
  bigint: 8,
  float4: 4,
  float8: 8,
  date: 4,
  time: 8,
  timestamp: 8,
  timestamptz: 8,
  interval: 16,
  uuid: 16,
  oid: 4,
  money: 8,
};

const COLLATABLE = new Set(["text", "varchar", "bpchar", "citext", "character varying", "character"]);

/** Width and collation of a type by its name alone: the catalog's averages are better when known. */
function byType(type: ColumnType | undefined): { width: number; collated: boolean } {
  if (type === undefined) return { width: 16, collated: true };
  const fixed = FIXED_WIDTHS[type.name];
  if (fixed !== undefined) return { width: fixed, collated: false };
  if (type.name === "varchar" || type.name === "bpchar") {
    // A declared maximum is an upper bound; typical values are shorter.
    const limit = type.modifiers[0];
    return { width: Math.min(limit ?? 32, 32) + 1, collated: true };
  }
  if (COLLATABLE.has(type.name)) return { width: 33, collated: true };
  if (type.name === "jsonb" || type.name === "json") return { width: 100, collated: false };
  if (type.name === "numeric") return { width: 8, collated: false };
  return { width: 16, collated: false };
}

const isCollatableName = (type: string) => [...COLLATABLE].some((name) => type === name || type.startsWith(`${name}(`));

/**
 * The shape of one index key: from the catalog's column statistics when the table is known there
 * (average width, collation, physical correlation), else from the type the migrations declared,
 * else a 16-byte collated key (an expression or an unknown column: the expensive assumption).
 * `collation` is the index element's own COLLATE clause.
 */
export function keyShapeOf(
  table: TableStatistics,
  column: string | null,
  collation: string | undefined,
  declared: TypedColumns,
): KeyShape {
  const cheapCollation = collation === "C" || collation === "POSIX";
  const known = column === null ? undefined : table.columns?.find((candidate) => candidate.name === column);
  if (known !== undefined) {
    const type = { name: known.type, modifiers: [], isArray: false };
    const width = known.averageWidth ?? byType(type).width;
    return {
      width,
      collated: !cheapCollation && (collation !== undefined ? isCollatableName(known.type) : known.collated),
      // PostgreSQL's sort checks for presorted input first: only an exact physical order pays off.
      presorted: (known.correlation ?? 0) >= 0.999,
    };
  }
  const declaredType = column === null ? undefined : declared.get(`${table.relation}\u0000${column}`);
  const guess = byType(declaredType);
  return { width: guess.width, collated: guess.collated && !cheapCollation, presorted: false };
}
