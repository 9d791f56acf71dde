import { findTable, type SchemaModel, type Statement, type TableModel } from "@confiture/sql";
import type { AlterTableCmd, AlterTableStmt } from "@pgsql/types";
import type { StatementVisit } from "../types.js";
import { alterCommands, alterTableOf, rangeVarText } from "./ast.js";
import { isEmptyHere, locate, type Place } from "./support.js";
import { tokensOf } from "./tokens.js";

/**
 * Where each subcommand of an ALTER TABLE starts, in order, found with PostgreSQL's scanner: the
 * parser gives no location for `DROP COLUMN` or `SET NOT NULL`, and findings on a multi-line
 * statement belong on the subcommand's line. Falls back to the statement's start.
 */
export function subcommandPlaces(statement: Statement, alter: AlterTableStmt): Place[] {
  const count = alterCommands(alter).length;
  const fallback = Array.from({ length: count }, () => ({ line: statement.start.line, column: statement.start.column }));
  const location = alter.relation?.location;
  if (location === undefined || location < 0) return fallback;
  const tokens = tokensOf(statement);
  let index = tokens.findIndex((token) => token.start === location);
  if (index === -1) return fallback;
  index++;
  while (tokens[index]?.text === "." && tokens[index + 1] !== undefined) index += 2;
  if (tokens[index]?.text === "*") index++;
  const starts: number[] = [];
  if (tokens[index] !== undefined) starts.push(tokens[index]!.start);
  let depth = 0;
  for (; index < tokens.length; index++) {
    const text = tokens[index]!.text;
    if (text === "(") depth++;
    else if (text === ")") depth--;
    else if (text === "," && depth === 0 && tokens[index + 1] !== undefined) starts.push(tokens[index + 1]!.start);
  }
  if (starts.length !== count) return fallback;
  return starts.map((start) => locate(statement, start));
}

/** {@link subcommandPlaces}, computed on first use: most statements a rule visits are not reported. */
export function lazySubcommandPlaces(statement: Statement, alter: AlterTableStmt): () => Place[] {
  let places: Place[] | undefined;
  return () => {
    places ??= subcommandPlaces(statement, alter);
    return places;
  };
}

/** The subcommands of one kind in an ALTER TABLE on a table that existed before this file. */
export interface ExistingTableSubcommands {
  /** The table as the statement writes it. */
  table: string;
  /** The table's name without its schema. */
  relation: string;
  /** The table in the schema model before the statement, when the migrations know it. */
  model: TableModel | undefined;
  /** Each matching subcommand with where to report it (undefined: the whole statement). */
  matches: Array<{ command: AlterTableCmd; location: Place | undefined }>;
}

/**
 * Finds the ALTER TABLE subcommands of `subtype` on a table that may hold rows (not created empty
 * earlier in this file, or written to since), or undefined when there are none. Most ALTER
 * TABLEs do something else, so the table lookup and the subcommand positions are only computed
 * once a match exists.
 */
export function subcommandsOnExistingTable(
  visit: StatementVisit,
  schema: SchemaModel,
  subtype: AlterTableCmd["subtype"],
): ExistingTableSubcommands | undefined {
  const alter = alterTableOf(visit.node);
  if (alter === undefined || isEmptyHere(visit, alter.relation)) return undefined;
  const commands = alterCommands(alter);
  if (!commands.some((command) => command.subtype === subtype)) return undefined;
  const places = subcommandPlaces(visit.statement, alter);
  return {
    table: rangeVarText(alter.relation),
    relation: alter.relation?.relname ?? "table",
    model: findTable(schema, {
      ...(alter.relation?.schemaname === undefined ? {} : { schema: alter.relation.schemaname }),
      name: alter.relation?.relname ?? "",
    }),
    matches: commands.flatMap((command, position) =>
      command.subtype === subtype ? [{ command, location: places[position] }] : [],
    ),
  };
}
