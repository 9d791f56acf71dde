import type { FuncCall, IndexElem, IndexStmt, Node, TypeCast } from "@pgsql/types";
import { nodeOf, stringsOf } from "./ast.js";
import { relationNameTaken } from "./constraints.js";
import { type ApplyContext, tableForAlter } from "./context.js";
import { expressionToSql } from "./deparse.js";
import { cascadeIndexToPartitions } from "./copies.js";
import { chooseName, indexAttributeNames } from "./names.js";
import type { IndexModel } from "./types.js";

/** PostgreSQL's FigureIndexColname: a function's name, a column's name, else `expr`. */
function expressionColumnName(expression: Node | undefined): string {
  const reference = nodeOf<{ fields?: Node[] }>(expression, "ColumnRef");
  if (reference !== undefined) return stringsOf(reference.fields).at(-1) ?? "expr";
  const call = nodeOf<FuncCall>(expression, "FuncCall");
  if (call !== undefined) return stringsOf(call.funcname).at(-1) ?? "expr";
  const cast = nodeOf<TypeCast>(expression, "TypeCast");
  if (cast !== undefined) return expressionColumnName(cast.arg);
  return "expr";
}

/** CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON table (columns | expressions) INCLUDE (...) WHERE ... */
export function applyCreateIndex(context: ApplyContext, statement: IndexStmt): void {
  const relation = statement.relation;
  if (relation?.relname === undefined) return;
  const table = tableForAlter(context, relation.schemaname, relation.relname);
  const columns: string[] = [];
  const expressions: string[] = [];
  const nameParts: string[] = [];
  for (const node of statement.indexParams ?? []) {
    const element = nodeOf<IndexElem>(node, "IndexElem");
    if (element?.name !== undefined) {
      columns.push(element.name);
      nameParts.push(element.name);
    } else if (element?.expr !== undefined) {
      expressions.push(expressionToSql(element.expr) ?? "");
      nameParts.push(expressionColumnName(element.expr));
    }
  }
  // PostgreSQL names an index after all its columns, INCLUDE ones too.
  for (const node of statement.indexIncludingParams ?? []) {
    const included = nodeOf<IndexElem>(node, "IndexElem")?.name;
    if (included !== undefined) nameParts.push(included);
  }
  const attributeNames = indexAttributeNames(nameParts);
  // PostgreSQL's ChooseIndexName: `_key` is for constraints; CREATE UNIQUE INDEX gets `_idx`.
  const name =
    statement.idxname ??
    chooseName(
      table.name,
      statement.primary === true ? undefined : attributeNames.join("_"),
      statement.primary === true ? "pkey" : "idx",
      (candidate) => relationNameTaken(context, table.schema, candidate),
    );
  if (relationNameTaken(context, table.schema, name)) return;
  const index: IndexModel = {
    name,
    table: `${table.schema}.${table.name}`,
    columns,
    expressions,
    unique: statement.unique === true,
    method: statement.accessMethod ?? "btree",
    createdAt: context.source,
    attributeNames,
  };
  const include = (statement.indexIncludingParams ?? []).flatMap((node) => {
    const included = nodeOf<IndexElem>(node, "IndexElem")?.name;
    return included === undefined ? [] : [included];
  });
  if (include.length > 0) index.include = include;
  const where = expressionToSql(statement.whereClause);
  if (where !== undefined) index.where = where;
  if (statement.concurrent === true) index.concurrently = true;
  if (statement.nulls_not_distinct === true) index.nullsNotDistinct = true;
  const key = `${table.schema}.${name}`;
  context.model.indexes.set(key, index);
  table.indexes.push(key);
  // `ON ONLY` (inh false, which the parser leaves out) keeps the index on the parent alone.
  if (relation.inh === true) cascadeIndexToPartitions(context, table, index);
}

/** The key of an index as a statement names it: `schema.name`, or the default schema, or the only schema holding it. */
export function findIndexKey(context: ApplyContext, names: string[]): string | undefined {
  const name = names.at(-1);
  if (name === undefined) return undefined;
  if (names.length > 1) return `${names[names.length - 2]}.${name}`;
  const key = `${context.defaultSchema}.${name}`;
  if (context.model.indexes.has(key)) return key;
  const matches = [...context.model.indexes.entries()].filter(([, index]) => index.name === name);
  return matches.length === 1 ? matches[0]![0] : key;
}

/** Removes an index from the model and from its table. */
export function dropIndex(context: ApplyContext, key: string): void {
  const index = context.model.indexes.get(key);
  if (index === undefined) return;
  context.model.indexes.delete(key);
  const table = context.model.tables.get(index.table);
  if (table !== undefined) table.indexes = table.indexes.filter((existing) => existing !== key);
}
