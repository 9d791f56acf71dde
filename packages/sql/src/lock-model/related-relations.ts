import type { Node } from "@pgsql/types";
import { parseTree } from "../parser.js";
import { walk } from "../relations.js";
import { nodeOf, stringsOf } from "../schema/ast.js";
import { findTable, makeObjectName, parseWrittenName, splitKey } from "../schema/names.js";
import type { SchemaModel, TableModel } from "../schema/types.js";
import type { RelationReference } from "../types.js";

/**
 * Relations a statement locks without naming them, found in the schema model (the catalog as the
 * statement finds it): partitions, the DEFAULT partition, tables linked by foreign keys, an index's
 * table, the sequences of identity and serial columns. Without a model, none are known.
 */

/** A model key (`public.accounts`) as a relation reference (`accounts`). */
export function referenceOfKey(key: string): RelationReference {
  const { schema, name } = splitKey(key);
  return schema === "public" ? { name, role: "referenced" } : { schema, name, role: "referenced" };
}

/** The table a statement names, in the model. */
export function tableOf(schema: SchemaModel | undefined, relation: { schema?: string; name: string } | undefined) {
  if (schema === undefined || relation === undefined) return undefined;
  return findTable(
    schema,
    relation.schema === undefined ? { name: relation.name } : { schema: relation.schema, name: relation.name },
  );
}

const keyOf = (table: TableModel) => `${table.schema}.${table.name}`;

/** Every partition of a partitioned table, sub-partitions included. */
export function partitionsOf(schema: SchemaModel, table: TableModel): TableModel[] {
  const found: TableModel[] = [];
  const parents = [keyOf(table)];
  while (parents.length > 0) {
    const parent = parents.pop();
    for (const candidate of schema.tables.values()) {
      if (candidate.partitionOf !== parent) continue;
      found.push(candidate);
      parents.push(keyOf(candidate));
    }
  }
  return found;
}

/** The DEFAULT partition of a partitioned table, when it has one. */
export function defaultPartitionOf(schema: SchemaModel, table: TableModel): TableModel | undefined {
  const key = keyOf(table);
  return [...schema.tables.values()].find((candidate) => candidate.partitionOf === key && candidate.partitionDefault === true);
}

/** Tables whose foreign keys reference `table` (itself excluded). */
export function referencingTables(schema: SchemaModel, table: TableModel): TableModel[] {
  const key = keyOf(table);
  return [...schema.tables.values()].filter(
    (candidate) =>
      keyOf(candidate) !== key &&
      candidate.constraints.some((constraint) => constraint.type === "foreign_key" && constraint.references?.table === key),
  );
}

/** Tables that `table`'s foreign keys reference (itself excluded), optionally only the constraint named. */
export function referencedTables(schema: SchemaModel, table: TableModel, constraintName?: string): TableModel[] {
  const keys = new Set(
    table.constraints
      .filter(
        (constraint) => constraint.type === "foreign_key" && (constraintName === undefined || constraint.name === constraintName),
      )
      .flatMap((constraint) => (constraint.references === undefined ? [] : [constraint.references.table])),
  );
  keys.delete(keyOf(table));
  return [...keys].flatMap((key) => {
    const found = schema.tables.get(key);
    return found === undefined ? [] : [found];
  });
}

/** The table of an index, by the index's name as written. */
export function tableOfIndex(schema: SchemaModel | undefined, index: { schema?: string; name: string }): TableModel | undefined {
  if (schema === undefined) return undefined;
  const entry =
    index.schema === undefined
      ? (schema.indexes.get(`public.${index.name}`) ??
        [...schema.indexes.values()].find((candidate) => candidate.name === index.name))
      : schema.indexes.get(`${index.schema}.${index.name}`);
  return entry === undefined ? undefined : schema.tables.get(entry.table);
}

/** The sequence behind an identity column (named as PostgreSQL names it) or a serial one (read from its `nextval` default). */
export function sequenceOfColumn(table: TableModel, column: string): RelationReference | undefined {
  const model = table.columns.get(column);
  if (model === undefined) return undefined;
  const written = model.identity === undefined ? sequenceOfDefault(model.defaultExpression) : undefined;
  const name = model.identity !== undefined ? makeObjectName(table.name, column, "seq") : written?.name;
  if (name === undefined) return undefined;
  const schema = model.identity !== undefined ? table.schema : (written?.schema ?? table.schema);
  return schema === "public" ? { name, role: "referenced" } : { schema, name, role: "referenced" };
}

/** `nextval('s'::regclass)` -> s, from the parse tree of the default expression. */
function sequenceOfDefault(expression: string | undefined): { schema?: string; name: string } | undefined {
  if (expression === undefined) return undefined;
  let found: string | undefined;
  try {
    walk(parseTree(`SELECT ${expression}`).stmts?.[0]?.stmt, (tag, payload) => {
      if (found !== undefined || tag !== "FuncCall") return;
      const call = payload as { funcname?: Node[]; args?: Node[] };
      if (stringsOf(call.funcname).at(-1) !== "nextval") return;
      const argument = call.args?.[0];
      const cast = nodeOf<{ arg?: Node }>(argument, "TypeCast")?.arg ?? argument;
      found = nodeOf<{ sval?: { sval?: string } }>(cast, "A_Const")?.sval?.sval;
    });
  } catch {
    return undefined;
  }
  if (found === undefined) return undefined;
  const parts = parseWrittenName(found);
  const name = parts.at(-1);
  if (name === undefined) return undefined;
  return parts.length > 1 ? { schema: parts[parts.length - 2], name } : { name };
}
