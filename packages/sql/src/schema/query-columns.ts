import type { FuncCall, Node, RangeVar, ResTarget, SelectStmt, TypeCast } from "@pgsql/types";
import { nodeOf, stringsOf } from "./ast.js";
import { type ApplyContext, rangeVarKey } from "./context.js";
import type { ColumnModel, TableModel } from "./types.js";

/** Columns a query produces, and whether all of them could be derived. */
export interface QueryColumns {
  columns: ColumnModel[];
  known: boolean;
}

interface FromItem {
  /** The name the query refers to it by (alias or relation name). */
  reference: string;
  table: TableModel | undefined;
}

function fromItems(context: ApplyContext, nodes: Node[] | undefined, items: FromItem[]): void {
  for (const node of nodes ?? []) {
    const relation = nodeOf<RangeVar>(node, "RangeVar");
    if (relation !== undefined) {
      const key = rangeVarKey(context, relation);
      const table = key === undefined ? undefined : context.model.tables.get(key);
      items.push({ reference: relation.alias?.aliasname ?? relation.relname ?? "", table });
      continue;
    }
    const join = nodeOf<{ larg?: Node; rarg?: Node }>(node, "JoinExpr");
    if (join !== undefined) {
      fromItems(
        context,
        [join.larg, join.rarg].filter((item): item is Node => item !== undefined),
        items,
      );
      continue;
    }
    // Subqueries and functions in FROM: their columns are not derived.
    items.push({ reference: "", table: undefined });
  }
}

function copyColumn(source: ColumnModel, name: string): ColumnModel {
  const column: ColumnModel = {
    name,
    type: source.type,
    typeModifiers: [...source.typeModifiers],
    isArray: source.isArray,
    notNull: false,
    securityLabels: {},
  };
  if (source.typeUnknown === true) column.typeUnknown = true;
  return column;
}

function unknownColumn(name: string): ColumnModel {
  return { name, type: "unknown", typeModifiers: [], isArray: false, notNull: false, securityLabels: {}, typeUnknown: true };
}

/** PostgreSQL's name for an unnamed output column (FigureColname, simplified). */
function figureName(value: Node | undefined): string {
  const reference = nodeOf<{ fields?: Node[] }>(value, "ColumnRef");
  if (reference !== undefined) return stringsOf(reference.fields).at(-1) ?? "?column?";
  const call = nodeOf<FuncCall>(value, "FuncCall");
  if (call !== undefined) return stringsOf(call.funcname).at(-1) ?? "?column?";
  const cast = nodeOf<TypeCast>(value, "TypeCast");
  if (cast !== undefined) {
    const inner = figureName(cast.arg);
    return inner === "?column?" ? (stringsOf(cast.typeName?.names).at(-1) ?? inner) : inner;
  }
  return "?column?";
}

/**
 * Derives the output columns of a SELECT (for CREATE TABLE AS, SELECT INTO and views): `*` and
 * column references to tables the model knows keep their types; other expressions get their
 * name and an unknown type. `names` (a column list written after the new relation) rename them in order.
 */
export function queryColumns(context: ApplyContext, query: Node | undefined, names: string[] = []): QueryColumns {
  let select = nodeOf<SelectStmt>(query, "SelectStmt");
  while (select?.op !== undefined && select.op !== "SETOP_NONE" && select.larg !== undefined) select = select.larg;
  const columns: ColumnModel[] = [];
  let known = select !== undefined;
  const items: FromItem[] = [];
  fromItems(context, select?.fromClause, items);
  for (const target of select?.targetList ?? []) {
    const result = nodeOf<ResTarget>(target, "ResTarget");
    const reference = nodeOf<{ fields?: Node[] }>(result?.val, "ColumnRef");
    const fields = stringsOf(reference?.fields);
    const last = fields.at(-1);
    const qualifier = fields.length > 1 ? fields[fields.length - 2] : undefined;
    const candidates = qualifier === undefined ? items : items.filter((item) => item.reference === qualifier);
    if (last === "*") {
      for (const item of candidates) {
        if (item.table === undefined || item.table.columnsKnown === false) known = false;
        for (const column of item.table?.columns.values() ?? []) columns.push(copyColumn(column, column.name));
      }
      continue;
    }
    const name = result?.name ?? figureName(result?.val);
    const source =
      last === undefined ? undefined : candidates.map((item) => item.table?.columns.get(last)).find((column) => column);
    columns.push(source === undefined ? unknownColumn(name) : copyColumn(source, name));
  }
  if (select?.valuesLists !== undefined) {
    const width = nodeOf<{ items?: Node[] }>(select.valuesLists[0], "List")?.items?.length ?? 0;
    for (let index = 1; index <= width; index++) columns.push(unknownColumn(`column${index}`));
  }
  names.forEach((name, index) => {
    if (columns[index] !== undefined) columns[index].name = name;
  });
  return { columns, known };
}
