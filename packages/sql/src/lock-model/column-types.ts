import type { Node, TypeName } from "@pgsql/types";
import { integerOf, stringsOf } from "../schema/ast.js";
import type { AnalysisContext, ColumnType } from "./verdict.js";

/** Spellings the parser leaves as written, mapped to PostgreSQL's internal names. */
const ALIASES: Record<string, string> = {
  int: "int4",
  integer: "int4",
  smallint: "int2",
  bigint: "int8",
  serial: "int4",
  serial4: "int4",
  bigserial: "int8",
  serial8: "int8",
  smallserial: "int2",
  serial2: "int2",
  decimal: "numeric",
  real: "float4",
  float: "float8",
  boolean: "bool",
  character: "bpchar",
  char: "bpchar",
};

/** The type of a TypeName node, normalised (`pg_catalog.int4` -> `int4`, `bigint` -> `int8`). */
export function columnTypeOf(typeName: TypeName | undefined): ColumnType | undefined {
  const names = stringsOf(typeName?.names);
  const last = names[names.length - 1];
  if (last === undefined) return undefined;
  const schema = names.length > 1 ? names[names.length - 2] : undefined;
  const name = schema === undefined || schema === "pg_catalog" ? (ALIASES[last] ?? last) : `${schema}.${last}`;
  const modifiers = (typeName?.typmods ?? []).flatMap((modifier: Node) => {
    const value = integerOf(modifier);
    return value === undefined ? [] : [value];
  });
  return { name, modifiers, isArray: (typeName?.arrayBounds ?? []).length > 0 };
}

/** Whether a type name is one of the serial pseudo-types (a sequence default, filled for every row). */
export function isSerialType(typeName: TypeName | undefined): boolean {
  const names = stringsOf(typeName?.names);
  const last = names[names.length - 1] ?? "";
  return names.length === 1 && ["serial", "serial2", "serial4", "serial8", "bigserial", "smallserial"].includes(last);
}

/** Zones with a fixed zero offset: PostgreSQL skips the timestamp <-> timestamptz rewrite in them. */
const UTC_ZONES = new Set([
  "utc",
  "etc/utc",
  "gmt",
  "etc/gmt",
  "uct",
  "etc/uct",
  "zulu",
  "etc/zulu",
  "universal",
  "etc/universal",
  "greenwich",
  "etc/greenwich",
  "gmt0",
  "etc/gmt0",
  "gmt+0",
  "gmt-0",
  "etc/gmt+0",
  "etc/gmt-0",
  "z",
]);

/** The verdict on a column type change: rewrite or not, and why. */
export interface TypeChangeVerdict {
  rewrite: boolean;
  note: string;
}

/**
 * Whether changing a column from `from` to `to` rewrites the table, following PostgreSQL's
 * binary-coercible casts and length-coercion support functions (varchar, numeric, timestamp widening).
 */
export function typeChangeVerdict(from: ColumnType | undefined, to: ColumnType, context: AnalysisContext): TypeChangeVerdict {
  const target = describe(to);
  if (from === undefined) return { rewrite: true, note: `Previous type unknown: assumed to rewrite (changing to ${target}).` };
  const source = describe(from);
  if (from.isArray !== to.isArray || (from.isArray && (from.name !== to.name || !sameModifiers(from, to)))) {
    return { rewrite: true, note: `${source} -> ${target} rewrites the table.` };
  }
  const rewrite = changeRewrites(from, to);
  if (rewrite === "timezone") {
    const note =
      context.pgVersion < 12
        ? `${source} -> ${target} rewrites the table before PostgreSQL 12.`
        : `${source} -> ${target} rewrites the table unless the session TimeZone is UTC (PostgreSQL 12+); ${context.timeZone === undefined ? "time zone unknown, assumed not UTC" : `TimeZone is ${context.timeZone}`}.`;
    return { rewrite: !(context.pgVersion >= 12 && isUtc(context.timeZone)), note };
  }
  return rewrite
    ? { rewrite: true, note: `${source} -> ${target} rewrites the table and rebuilds its indexes.` }
    : {
        rewrite: false,
        note: `${source} -> ${target} is binary coercible: no rewrite (indexes on the column may still be rebuilt).`,
      };
}

function changeRewrites(from: ColumnType, to: ColumnType): boolean | "timezone" {
  if (from.name === to.name) return sameTypeRewrites(from, to);
  const pair = `${from.name}->${to.name}`;
  if (pair === "varchar->text" || pair === "cidr->inet" || pair === "xml->text" || pair === "varbit->bit varying") return false;
  if (pair === "text->varchar") return to.modifiers.length > 0;
  if (pair === "timestamp->timestamptz" || pair === "timestamptz->timestamp") {
    return to.modifiers.length > 0 && !widens(from.modifiers[0], to.modifiers[0]) ? true : "timezone";
  }
  return true;
}

function sameTypeRewrites(from: ColumnType, to: ColumnType): boolean {
  if (sameModifiers(from, to)) return false;
  switch (from.name) {
    case "varchar":
    case "varbit":
    case "timestamp":
    case "timestamptz":
    case "time":
    case "timetz":
    case "interval":
      return to.modifiers.length > 0 && !widens(from.modifiers[0], to.modifiers[0]);
    case "numeric": {
      if (to.modifiers.length === 0) return false;
      if (from.modifiers.length === 0) return true;
      const sameScale = (from.modifiers[1] ?? 0) === (to.modifiers[1] ?? 0);
      return !(sameScale && widens(from.modifiers[0], to.modifiers[0]));
    }
    default:
      return true;
  }
}

function widens(from: number | undefined, to: number | undefined): boolean {
  if (to === undefined) return true;
  if (from === undefined) return false;
  return to >= from;
}

function sameModifiers(from: ColumnType, to: ColumnType): boolean {
  return from.modifiers.length === to.modifiers.length && from.modifiers.every((value, index) => to.modifiers[index] === value);
}

function isUtc(timeZone: string | undefined): boolean {
  return timeZone !== undefined && UTC_ZONES.has(timeZone.trim().toLowerCase());
}

function describe(type: ColumnType): string {
  const modifiers = type.modifiers.length > 0 ? `(${type.modifiers.join(",")})` : "";
  return `${type.name}${modifiers}${type.isArray ? "[]" : ""}`;
}
