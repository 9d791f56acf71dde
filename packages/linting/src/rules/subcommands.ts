import type { Statement } from "@confiture/sql";
import type { AlterTableStmt } from "@pgsql/types";
import { alterCommands } from "./ast.js";
import { locate, type Place } from "./support.js";
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
