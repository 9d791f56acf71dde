import type { Constraint, IndexElem, Node } from "@pgsql/types";
import { nodeOf, stringsOf } from "./ast.js";
import { type ApplyContext, columnForAlter, rangeVarKey } from "./context.js";
import { expressionToSql } from "./deparse.js";
import { dropConstraint } from "./constraint-changes.js";
import { chooseName, indexAttributeNames } from "./names.js";
import type { ConstraintModel, ConstraintType, IndexModel, TableModel } from "./types.js";

const CONSTRAINT_TYPES: Partial<Record<string, ConstraintType>> = {
  CONSTR_PRIMARY: "primary_key",
  CONSTR_UNIQUE: "unique",
  CONSTR_FOREIGN: "foreign_key",
  CONSTR_CHECK: "check",
  CONSTR_EXCLUSION: "exclusion",
  CONSTR_NOTNULL: "not_null",
};

const REFERENTIAL_ACTIONS: Record<string, string> = {
  a: "no action",
  r: "restrict",
  c: "cascade",
  n: "set null",
  d: "set default",
};

/** Where a constraint is being added: in CREATE TABLE everything is valid at once; in ALTER TABLE, NOT VALID counts. */
export interface ConstraintPlacement {
  inCreate: boolean;
  /** The column a column constraint is written on. */
  column?: string;
}

/** Names of the columns an expression refers to, in order, without duplicates. */
export function referencedColumns(node: Node | undefined): string[] {
  const names: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (value === null || typeof value !== "object") return;
    const reference = nodeOf<{ fields?: Node[] }>(value as Node, "ColumnRef");
    if (reference !== undefined) {
      const last = stringsOf(reference.fields).at(-1);
      if (last !== undefined && last !== "*" && !names.includes(last)) names.push(last);
      return;
    }
    Object.values(value as Record<string, unknown>).forEach(visit);
  };
  visit(node);
  return names;
}

/** Whether a name is taken by a relation (table or index) in a schema: index names share that namespace. */
export function relationNameTaken(context: ApplyContext, schema: string, name: string): boolean {
  return context.model.indexes.has(`${schema}.${name}`) || context.model.tables.has(`${schema}.${name}`);
}

/** Key of the table a foreign key points to and the columns it references (its primary key when not written). */
function foreignKeyTarget(context: ApplyContext, table: TableModel, constraint: Constraint): ConstraintModel["references"] {
  const key = rangeVarKey(context, constraint.pktable) ?? "";
  const target = key === `${table.schema}.${table.name}` ? table : context.model.tables.get(key);
  let columns = stringsOf(constraint.pk_attrs);
  if (columns.length === 0) columns = target?.constraints.find((existing) => existing.type === "primary_key")?.columns ?? [];
  return {
    table: key,
    columns,
    onDelete: REFERENTIAL_ACTIONS[constraint.fk_del_action ?? "a"] ?? "no action",
    onUpdate: REFERENTIAL_ACTIONS[constraint.fk_upd_action ?? "a"] ?? "no action",
  };
}

function constraintColumns(constraint: Constraint, type: ConstraintType, placement: ConstraintPlacement): string[] {
  if (type === "foreign_key") {
    const columns = stringsOf(constraint.fk_attrs);
    return columns.length > 0 ? columns : placement.column === undefined ? [] : [placement.column];
  }
  if (type === "check") return placement.column === undefined ? referencedColumns(constraint.raw_expr) : [placement.column];
  if (type === "exclusion") {
    return (constraint.exclusions ?? []).flatMap((pair) => {
      const element = nodeOf<{ items?: Node[] }>(pair, "List")?.items?.[0];
      const name = nodeOf<IndexElem>(element, "IndexElem")?.name;
      return name === undefined ? [] : [name];
    });
  }
  const keys = stringsOf(constraint.keys);
  return keys.length > 0 ? keys : placement.column === undefined ? [] : [placement.column];
}

function defaultConstraintName(
  context: ApplyContext,
  table: TableModel,
  type: ConstraintType,
  columns: string[],
  constraint: Constraint,
): string {
  const constraintTaken = (name: string) => table.constraints.some((existing) => existing.name === name);
  const relationTaken = (name: string) => relationNameTaken(context, table.schema, name);
  switch (type) {
    case "primary_key":
      return chooseName(table.name, undefined, "pkey", relationTaken);
    case "unique":
    case "exclusion": {
      // PostgreSQL names an index after all its columns, INCLUDE ones too.
      const indexColumns = [...columns, ...stringsOf(constraint.including)];
      return chooseName(table.name, indexColumns.join("_"), type === "unique" ? "key" : "excl", relationTaken);
    }
    case "foreign_key":
      return chooseName(table.name, columns.join("_"), "fkey", constraintTaken);
    case "not_null":
      return chooseName(table.name, columns[0], "not_null", constraintTaken);
    default: {
      // PostgreSQL names a CHECK after its column only when the expression uses exactly one.
      const used = referencedColumns(constraint.raw_expr);
      return chooseName(table.name, used.length === 1 ? used[0] : undefined, "check", constraintTaken);
    }
  }
}

/**
 * CREATE TABLE keeps one index for key constraints written twice on the same columns (`UNIQUE`
 * twice, or `UNIQUE` and `PRIMARY KEY`), preferring the primary key, as PostgreSQL's
 * transformIndexConstraints does. Returns true when the new constraint is redundant.
 */
function mergeDuplicateKey(
  context: ApplyContext,
  table: TableModel,
  type: ConstraintType,
  columns: string[],
  constraint: Constraint,
): boolean {
  const include = stringsOf(constraint.including).join(",");
  const duplicate = table.constraints.find((existing) => {
    if (existing.type !== "primary_key" && existing.type !== "unique") return false;
    if (existing.createdAt !== context.source || existing.columns.join(",") !== columns.join(",")) return false;
    const index = existing.index === undefined ? undefined : context.model.indexes.get(`${table.schema}.${existing.index}`);
    return (
      (index?.include ?? []).join(",") === include &&
      (index?.nullsNotDistinct === true) === (constraint.nulls_not_distinct === true) &&
      (existing.deferrable === true) === (constraint.deferrable === true)
    );
  });
  if (duplicate === undefined) return false;
  if (type === "unique" || duplicate.type === "primary_key") return true;
  // A primary key replaces a unique constraint on the same columns.
  dropConstraint(context, table, duplicate.name!);
  return false;
}

/**
 * Adds a table or column constraint to a table, with the name PostgreSQL would choose when none is
 * written, the index that backs a primary key, unique or exclusion constraint, and NOT NULL on
 * primary key columns. Returns the constraint, or undefined for kinds that are column properties.
 */
export function addConstraint(
  context: ApplyContext,
  table: TableModel,
  constraint: Constraint,
  placement: ConstraintPlacement,
): ConstraintModel | undefined {
  const type = CONSTRAINT_TYPES[constraint.contype ?? ""];
  if (type === undefined) return undefined;
  if (constraint.indexname !== undefined) return addConstraintUsingIndex(context, table, constraint, type);
  const columns = constraintColumns(constraint, type, placement);
  if (
    placement.inCreate &&
    (type === "primary_key" || type === "unique") &&
    mergeDuplicateKey(context, table, type, columns, constraint)
  ) {
    return undefined;
  }
  if (type === "not_null") {
    for (const name of columns) {
      const column = columnForAlter(table, name);
      if (column !== undefined) column.notNull = true;
    }
    // An unnamed column NOT NULL is a column property; named or table-level ones are also listed.
    if (constraint.conname === undefined && placement.column !== undefined) return undefined;
  }
  const model: ConstraintModel = {
    name: constraint.conname ?? defaultConstraintName(context, table, type, columns, constraint),
    type,
    columns,
    validated: placement.inCreate || type === "primary_key" || type === "unique" || constraint.skip_validation !== true,
    createdAt: context.source,
  };
  if (type === "foreign_key") model.references = foreignKeyTarget(context, table, constraint);
  const expression = expressionToSql(type === "exclusion" ? constraint.where_clause : constraint.raw_expr);
  if (expression !== undefined) model.expression = expression;
  if (constraint.deferrable === true) model.deferrable = true;
  if (constraint.initdeferred === true) model.initiallyDeferred = true;
  if (type === "primary_key") {
    for (const name of columns) {
      const column = columnForAlter(table, name);
      if (column !== undefined) column.notNull = true;
    }
  }
  if (type === "primary_key" || type === "unique" || type === "exclusion") {
    model.index = model.name!;
    addBackingIndex(context, table, model, constraint);
  }
  table.constraints.push(model);
  return model;
}

function addBackingIndex(context: ApplyContext, table: TableModel, constraint: ConstraintModel, node: Constraint): void {
  const index: IndexModel = {
    name: constraint.name!,
    table: `${table.schema}.${table.name}`,
    columns: [...constraint.columns],
    expressions: [],
    unique: constraint.type !== "exclusion",
    method: node.access_method ?? "btree",
    createdAt: context.source,
    constraint: constraint.name!,
  };
  if (constraint.type === "primary_key") index.primary = true;
  const include = stringsOf(node.including);
  if (include.length > 0) index.include = include;
  index.attributeNames = indexAttributeNames([...constraint.columns, ...include]);
  if (node.nulls_not_distinct === true) index.nullsNotDistinct = true;
  if (constraint.expression !== undefined) index.where = constraint.expression;
  const key = `${table.schema}.${index.name}`;
  context.model.indexes.set(key, index);
  if (!table.indexes.includes(key)) table.indexes.push(key);
}

/** `ADD CONSTRAINT c PRIMARY KEY USING INDEX i`: the index is renamed to the constraint and now backs it. */
function addConstraintUsingIndex(
  context: ApplyContext,
  table: TableModel,
  constraint: Constraint,
  type: ConstraintType,
): ConstraintModel {
  const oldKey = `${table.schema}.${constraint.indexname}`;
  const index = context.model.indexes.get(oldKey);
  const name = constraint.conname ?? constraint.indexname!;
  const model: ConstraintModel = {
    name,
    type,
    columns: [...(index?.columns ?? [])],
    validated: true,
    createdAt: context.source,
    index: name,
  };
  if (index !== undefined) {
    context.model.indexes.delete(oldKey);
    index.name = name;
    index.constraint = name;
    if (type === "primary_key") index.primary = true;
    const newKey = `${table.schema}.${name}`;
    context.model.indexes.set(newKey, index);
    table.indexes = table.indexes.map((key) => (key === oldKey ? newKey : key));
  }
  if (type === "primary_key") {
    for (const columnName of model.columns) {
      const column = columnForAlter(table, columnName);
      if (column !== undefined) column.notNull = true;
    }
  }
  table.constraints.push(model);
  return model;
}
