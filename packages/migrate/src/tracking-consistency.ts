import type { Queryable } from "@confiture/db";
import { parseSql } from "@confiture/sql";
import type { MigrationFile } from "./files.js";

/** A relation a migration creates unconditionally (no IF NOT EXISTS, no OR REPLACE). */
interface CreatedRelation {
  schema: string | undefined;
  name: string;
}

type RangeVar = { relname?: string; schemaname?: string } | undefined;

function relationOf(range: RangeVar): CreatedRelation | undefined {
  return range?.relname === undefined ? undefined : { schema: range.schemaname, name: range.relname };
}

/** The relations a statement's AST creates, when it would fail had they existed already. */
function createdBy(node: Record<string, Record<string, unknown>> | undefined): CreatedRelation[] {
  if (node === undefined) return [];
  const [kind, body] = Object.entries(node)[0] ?? [];
  if (body === undefined || body.if_not_exists === true || body.replace === true) return [];
  if (kind === "CreateStmt") return [relationOf(body.relation as RangeVar)].filter((item) => item !== undefined);
  if (kind === "CreateSeqStmt") return [relationOf(body.sequence as RangeVar)].filter((item) => item !== undefined);
  if (kind === "ViewStmt") return [relationOf(body.view as RangeVar)].filter((item) => item !== undefined);
  if (kind === "CreateTableAsStmt")
    return [relationOf((body.into as { rel?: RangeVar } | undefined)?.rel)].filter((item) => item !== undefined);
  if (kind === "IndexStmt" && typeof body.idxname === "string")
    return [{ schema: (body.relation as RangeVar)?.schemaname, name: body.idxname }];
  return [];
}

/**
 * For migrations the tracking table calls pending: the relations their up file creates that already
 * exist. A pending migration whose tables are already there means the tracking table lost records
 * (truncated, damaged, restored from another backup): running it would fail half way or, worse,
 * `status` would call a damaged database up to date. Statements with IF NOT EXISTS or OR REPLACE,
 * and files that do not parse, say nothing.
 */
export async function findUntrackedObjects(
  connection: Queryable,
  pending: readonly MigrationFile[],
): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  for (const file of pending) {
    const parsed = await parseSql(file.upSql, { file: file.upPath });
    if (parsed.errors.length > 0) continue;
    const existing: string[] = [];
    for (const statement of parsed.statements) {
      for (const relation of createdBy(statement.node as Record<string, Record<string, unknown>> | undefined)) {
        const { rows } = await connection.query<{ schema: string }>(
          `SELECT n.nspname AS schema FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relname = $1 AND n.nspname = coalesce($2, current_schema())`,
          [relation.name, relation.schema ?? null],
        );
        const schema = rows[0]?.schema;
        if (schema !== undefined) existing.push(`${schema}.${relation.name}`);
      }
    }
    if (existing.length > 0) found.set(file.version, existing);
  }
  return found;
}
