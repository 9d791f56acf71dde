import type { CopyStmt, FuncCall, Node } from "@pgsql/types";
import { parsePlPgSQLSync } from "libpg-query";
import { stringsOf, unwrapNode } from "../schema/ast.js";
import { parseSql } from "../parse.js";
import { parseTree, scanTokens } from "../parser.js";
import type { Statement } from "../types.js";
import { ESCAPE_KIND_DESCRIPTIONS, ESCAPING_STATEMENTS, type EscapeKind, escapeKindOfFunction } from "./escaping-functions.js";

/** One effect of a statement that a ROLLBACK does not undo. */
export interface EscapingEffect {
  kind: EscapeKind;
  /** The function (`setval`) or statement (`COPY ... TO PROGRAM`) that has it. */
  name: string;
  /** Why it escapes, for people. */
  reason: string;
}

const effect = (kind: EscapeKind, name: string): EscapingEffect => ({ kind, name, reason: ESCAPE_KIND_DESCRIPTIONS[kind] });

/**
 * The effects of a parsed statement that would survive a ROLLBACK: calls to sequence, dblink,
 * advisory-lock, server-file and server-control functions found anywhere in its tree (subqueries,
 * defaults, CTEs, DO blocks), COPY to or from a server file or program, and statements that change
 * session state (PREPARE, LOAD, DISCARD). Functions the migrations define, and SQL built at run
 * time (EXECUTE of a string), are opaque: what they call is not seen. Needs the parser loaded.
 */
export function findEscapingEffects(statement: Pick<Statement, "node">): EscapingEffect[] {
  const found = new Map<string, EscapingEffect>();
  collect(statement.node, found);
  return [...found.values()];
}

/** One sentence naming each escaping effect, e.g. for a refusal. */
export function describeEscapingEffects(effects: readonly EscapingEffect[]): string {
  return effects.map((item) => `${item.name}: ${item.reason}`).join("; ");
}

function collect(node: unknown, found: Map<string, EscapingEffect>): void {
  if (Array.isArray(node)) {
    for (const item of node) collect(item, found);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const unwrapped = unwrapNode(node as Node);
  if (unwrapped !== undefined) inspect(unwrapped.tag, unwrapped.value, found);
  for (const value of Object.values(node)) collect(value, found);
}

function inspect(tag: string, value: Record<string, unknown>, found: Map<string, EscapingEffect>): void {
  const add = (item: EscapingEffect) => found.set(`${item.kind}\u0000${item.name}`, item);
  if (tag === "FuncCall") {
    const name = stringsOf((value as FuncCall).funcname).at(-1);
    const kind = name === undefined ? undefined : escapeKindOfFunction(name);
    if (name !== undefined && kind !== undefined) add(effect(kind, name.toLowerCase()));
    return;
  }
  if (tag === "CopyStmt") {
    const copy = value as CopyStmt;
    const direction = copy.is_from === true ? "FROM" : "TO";
    if (copy.is_program === true) add(effect("program", `COPY ... ${direction} PROGRAM`));
    else if (copy.filename !== undefined) add(effect("server_file", `COPY ... ${direction} a server file`));
    return;
  }
  if (tag === "DoStmt") {
    for (const query of doBlockQueries(value)) {
      try {
        for (const parsed of parseTree(query).stmts ?? []) collect(parsed.stmt, found);
      } catch {
        // A fragment the SQL parser does not take on its own (a PL/pgSQL expression form): nothing to see.
      }
    }
    return;
  }
  const known = ESCAPING_STATEMENTS.get(tag);
  if (known !== undefined) add(effect(known.kind, known.name));
}

/** The SQL a DO block runs, as PL/pgSQL's parser splits it (expressions made into SELECTs). */
function doBlockQueries(value: Record<string, unknown>): string[] {
  const body = (value.args as Node[] | undefined)
    ?.map((argument) => unwrapNode(argument)?.value as { defname?: string; arg?: Node } | undefined)
    .find((element) => element?.defname === "as")?.arg;
  const source = unwrapNode(body)?.tag === "String" ? (unwrapNode(body)?.value.sval as string | undefined) : undefined;
  const language = (value.args as Node[] | undefined)
    ?.map((argument) => unwrapNode(argument)?.value as { defname?: string; arg?: Node } | undefined)
    .find((element) => element?.defname === "language")?.arg;
  const languageName = unwrapNode(language)?.value.sval as string | undefined;
  if (source === undefined || (languageName !== undefined && languageName.toLowerCase() !== "plpgsql")) return [];
  let tag = "$confiture$";
  for (let index = 0; source.includes(tag); index++) tag = `$confiture${index}$`;
  try {
    // PL/pgSQL's parser reads function definitions: the DO body becomes one, only to be parsed.
    const tree = parsePlPgSQLSync(`CREATE FUNCTION confiture_do() RETURNS void LANGUAGE plpgsql AS ${tag}${source}${tag}`);
    const queries: string[] = [];
    gatherExpressions(tree, queries);
    return queries;
  } catch {
    return [];
  }
}

function gatherExpressions(node: unknown, queries: string[]): void {
  if (Array.isArray(node)) {
    for (const item of node) gatherExpressions(item, queries);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const expression = (node as { PLpgSQL_expr?: { query?: string; parseMode?: number } }).PLpgSQL_expr;
  if (expression?.query !== undefined) {
    // parseMode 0 is a whole statement, 3 an assignment (`n := expr`), the others expressions.
    if (expression.parseMode === 0 || expression.parseMode === undefined) queries.push(expression.query);
    else if (expression.parseMode === 3) queries.push(`SELECT ${assignedExpression(expression.query)}`);
    else queries.push(`SELECT ${expression.query}`);
  }
  for (const value of Object.values(node)) gatherExpressions(value, queries);
}

/** The right-hand side of a PL/pgSQL assignment: after the first `:=` or `=` outside brackets (scanner tokens, byte offsets). */
function assignedExpression(assignment: string): string {
  let depth = 0;
  for (const token of scanTokens(assignment)) {
    if (token.text === "[" || token.text === "(") depth++;
    else if (token.text === "]" || token.text === ")") depth--;
    else if (depth === 0 && (token.text === ":=" || token.text === "=")) {
      return Buffer.from(assignment, "utf8").subarray(token.end).toString("utf8");
    }
  }
  return assignment;
}

/** {@link findEscapingEffects} over every statement of a SQL text (statements that do not parse are skipped). */
export async function findEscapingEffectsInSql(sql: string): Promise<EscapingEffect[]> {
  const found = new Map<string, EscapingEffect>();
  for (const statement of (await parseSql(sql)).statements) {
    for (const item of findEscapingEffects(statement)) found.set(`${item.kind}\u0000${item.name}`, item);
  }
  return [...found.values()];
}
