import type { Statement } from "@confiture/sql";
import type { ColumnDef, Node, TypeName } from "@pgsql/types";
import { builtInTypeName, columnSites, typeModifiers } from "./ast.js";
import { at, type Place } from "./support.js";
import { tokensOf } from "./tokens.js";

/** A column type written in a statement, with what the type rules need to judge and locate it. */
export interface ColumnTypeSite {
  table: string;
  column: string;
  typeName: TypeName;
  /** Internal name of a built-in type (`int4`, `varchar`, `serial`), undefined for user types. */
  builtIn: string | undefined;
  modifiers: number[];
  isArray: boolean;
  origin: "create" | "add" | "alter";
  definition: ColumnDef;
  place: Place;
}

const siteCache = new WeakMap<Statement, ColumnTypeSite[]>();

/** Every column type a statement writes (CREATE TABLE, ADD COLUMN, ALTER COLUMN TYPE); computed once per statement for all type rules. */
export function columnTypeSites(statement: Statement, node: Node): ColumnTypeSite[] {
  const cached = siteCache.get(statement);
  if (cached !== undefined) return cached;
  const sites: ColumnTypeSite[] = [];
  siteCache.set(statement, sites);
  for (const site of columnSites(node)) {
    const typeName = site.column.typeName;
    if (typeName === undefined) continue;
    sites.push({
      table: site.table?.relname ?? "",
      column: site.column.colname ?? "",
      typeName,
      builtIn: builtInTypeName(typeName),
      modifiers: typeModifiers(typeName),
      isArray: (typeName.arrayBounds?.length ?? 0) > 0,
      origin: site.origin,
      definition: site.column,
      place: at(statement, typeName),
    });
  }
  return sites;
}

/**
 * The statement's text with the one-word type written at `typeName.location` replaced, or undefined
 * when the type is not a single word there (`timestamp without time zone`, `varchar(10)`): the fix
 * must be exact or absent.
 */
export function replaceTypeWord(
  statement: Statement,
  typeName: TypeName,
  replacement: string,
  words: readonly string[],
): string | undefined {
  const location = typeName.location;
  if (location === undefined || location < 0) return undefined;
  const tokens = tokensOf(statement);
  const index = tokens.findIndex((token) => token.start === location);
  const token = tokens[index];
  if (token === undefined || !words.includes(token.text.toLowerCase())) return undefined;
  const next = tokens[index + 1]?.text.toLowerCase();
  if (next === "(" || next === "without" || next === "with" || next === "varying" || next === "precision") return undefined;
  const bytes = Buffer.from(statement.text);
  return Buffer.concat([bytes.subarray(0, token.start), Buffer.from(replacement), bytes.subarray(token.end)]).toString("utf8");
}

/**
 * The statement's text with `insertion` added after the first keyword token (at parenthesis depth 0)
 * that is one of `keywords`, found with PostgreSQL's own scanner; undefined when there is none.
 */
export function insertAfterKeyword(statement: Statement, keywords: readonly string[], insertion: string): string | undefined {
  const tokens = tokensOf(statement);
  let depth = 0;
  for (const token of tokens) {
    if (token.text === "(") depth++;
    else if (token.text === ")") depth--;
    else if (depth === 0 && token.keywordKind > 0 && keywords.includes(token.text.toLowerCase())) {
      const bytes = Buffer.from(statement.text);
      return Buffer.concat([bytes.subarray(0, token.end), Buffer.from(insertion), bytes.subarray(token.end)]).toString("utf8");
    }
  }
  return undefined;
}
