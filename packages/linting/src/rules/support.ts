import type { z } from "zod";
import type { Statement } from "@confiture/sql";
import type { RangeVar } from "@pgsql/types";
import { ruleReadmes } from "../rule-readmes.js";
import type { RuleContext, StatementVisit } from "../types.js";

const generalReadmes = ruleReadmes(new URL("../../", import.meta.url));

/** Where the README of a general rule lives: in the installed package (`src/rules/<id>/README.md` ships in the tarball). */
export function docsUrl(id: string): string {
  return generalReadmes(id);
}

/** A place in a file, as `ReportDescriptor.location` takes it. */
export interface Place {
  line: number;
  column: number;
}

/**
 * The file position of a parser location: libpg-query gives UTF-8 byte offsets into the statement's
 * text; findings want 1-based lines and code-point columns in the file. Returns the statement's
 * start for a missing or negative location.
 */
export function locate(statement: Statement, byteOffset: number | undefined): Place {
  if (byteOffset === undefined || byteOffset < 0) return { line: statement.start.line, column: statement.start.column };
  const text = statement.text;
  const offset = isAscii(text)
    ? Math.min(byteOffset, text.length)
    : Buffer.from(text).subarray(0, byteOffset).toString("utf8").length;
  let line = statement.start.line;
  let lineStart = -1;
  for (let index = 0; index < offset; index++) {
    const code = text.charCodeAt(index);
    if (code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10)) {
      line++;
      lineStart = index;
    }
  }
  const prefix = text.slice(lineStart + 1, offset);
  const width = [...prefix].length;
  return { line, column: lineStart === -1 ? statement.start.column + width : width + 1 };
}

function isAscii(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) > 127) return false;
  return true;
}

/** The location of a node payload that carries a parser `location`. */
export function at(statement: Statement, payload: { location?: number } | undefined): Place {
  return locate(statement, payload?.location);
}

/**
 * Whether a table was created earlier in the same file (or transaction): nobody else can see it
 * yet, so locks on it block nobody and it holds no rows to rewrite or scan.
 */
export function isCreatedHere(
  visit: Pick<StatementVisit, "createdInFile">,
  relation: RangeVar | { schema?: string; name: string } | undefined,
): boolean {
  if (relation === undefined) return false;
  const name = "relname" in relation ? relation.relname : (relation as { name: string }).name;
  const schema = "relname" in relation ? relation.schemaname : (relation as { schema?: string }).schema;
  if (name === undefined) return false;
  return visit.createdInFile.has(schema === undefined ? name : `${schema}.${name}`);
}

/** Whether every table the statement targets was created earlier in the file. */
export function targetsOnlyNewTables(visit: StatementVisit): boolean {
  const targets = visit.statement.relations.filter((relation) => relation.role === "target" && relation.objectType !== "index");
  return targets.length > 0 && targets.every((relation) => relation.created === true || isCreatedHere(visit, relation));
}

/** `<version>_<name>.down.sql`: a down migration, which exists to undo its up file. */
export function isDownFile(path: string): boolean {
  return /\.down\.sql$/i.test(path);
}

/**
 * Whether the current file is a down migration to its runner: a `.down.sql` file, a diesel
 * `down.sql`, a sqitch `revert/` script, a Flyway `U` script, the `-- migrate:down` section of a
 * dbmate file, ... (the layout says; the file name when no layout was given).
 */
export function isDownMigration(context: Pick<RuleContext, "file" | "migration">): boolean {
  return context.migration === undefined ? isDownFile(context.file) : context.migration.role === "down";
}

/** The up file a down migration undoes, or undefined. */
export function upMigrationOf(context: Pick<RuleContext, "file" | "migration">): string | undefined {
  if (context.migration === undefined)
    return isDownFile(context.file) ? context.file.replace(/\.down\.sql$/i, ".up.sql") : undefined;
  return context.migration.role === "down" ? context.migration.pair : undefined;
}

/** The path of the down file of an up migration, or undefined when the name is not `<version>_<name>.up.sql`. */
export function downFileOf(path: string): string | undefined {
  return /\.up\.sql$/i.test(path) ? path.replace(/\.up\.sql$/i, ".down.sql") : undefined;
}

/** Quotes an identifier only when PostgreSQL needs it. */
export function quoteIdentifier(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}

const UNIT_MILLISECONDS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, min: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * A duration setting (`lock_timeout`) as PostgreSQL reads it: a number in milliseconds or a number
 * with a unit (`us`, `ms`, `s`, `min`, `h`, `d`). Undefined when it is not one. Reads a setting's
 * value, not SQL.
 */
export function durationMilliseconds(value: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(us|ms|s|min|h|d)?\s*$/i.exec(value);
  if (match === null) return undefined;
  return Number(match[1]) * (UNIT_MILLISECONDS[(match[2] ?? "ms").toLowerCase()] ?? 1);
}

/**
 * Whether `file` is a down migration undoing an object its own up file created (`createdAt` of the
 * object in the schema model): that is what a down file is for, so destructive rules let it pass.
 */
export function undoesOwnUp(context: Pick<RuleContext, "file" | "migration">, createdIn: string | undefined): boolean {
  const up = upMigrationOf(context);
  return up !== undefined && createdIn !== undefined && createdIn === up;
}

/**
 * The rule's options with the defaults of its schema applied. The engine parses options already;
 * parsing again (idempotent) keeps a rule working when it is enabled by a bare level such as
 * `"warn"`, which leaves the options unset.
 */
export function readOptions<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : schema.parse(undefined);
}
