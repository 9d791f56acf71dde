import type {
  AlterObjectSchemaStmt,
  CommentStmt,
  DropStmt,
  Node,
  ObjectWithArgs,
  RenameStmt,
  SecLabelStmt,
  TypeName,
} from "@pgsql/types";
import { nodeOf, stringOf, stringsOf } from "./ast.js";
import { type ApplyContext, columnForAlter, keyOf, rangeVarKey, tableForAlter } from "./context.js";
import { dropIndex, findIndexKey } from "./indexes.js";
import { relocateTable, removeTable, renameColumn } from "./relocate.js";
import { dropSchema, renameSchema, routineKey, typeKey } from "./routines.js";
import type { TableModel } from "./types.js";

const RELATION_KINDS: Record<string, TableModel["kind"]> = {
  OBJECT_TABLE: "table",
  OBJECT_VIEW: "view",
  OBJECT_MATVIEW: "materialized_view",
  OBJECT_FOREIGN_TABLE: "foreign_table",
};
const RELATION_TYPES = new Set(Object.keys(RELATION_KINDS));

/** The names of a `{ List: { items } }` object (DROP, COMMENT, SECURITY LABEL). */
function listNames(node: Node | undefined): string[] {
  return stringsOf(nodeOf<{ items?: Node[] }>(node, "List")?.items);
}

/** A table named by `[schema,] table` followed by `extra` more names (a column, a policy, a trigger). */
function tableOf(
  context: ApplyContext,
  names: string[],
  extra: number,
  objectType?: string,
): { table: TableModel | undefined; rest: string[] } {
  const tableNames = names.slice(0, names.length - extra);
  const name = tableNames.at(-1);
  if (name === undefined) return { table: undefined, rest: [] };
  const schema = tableNames.length > 1 ? tableNames[tableNames.length - 2] : undefined;
  const kind = RELATION_KINDS[objectType ?? ""] ?? "table";
  return { table: tableForAlter(context, schema, name, kind), rest: names.slice(names.length - extra) };
}

/** DROP TABLE | VIEW | MATERIALIZED VIEW | INDEX | POLICY | TRIGGER | FUNCTION | TYPE | EXTENSION | SCHEMA. */
export function applyDrop(context: ApplyContext, statement: DropStmt): void {
  const { model } = context;
  for (const object of statement.objects ?? []) {
    const type = statement.removeType ?? "";
    if (RELATION_TYPES.has(type)) {
      const names = listNames(object);
      const name = names.at(-1);
      if (name !== undefined) removeTable(model, keyOf(context, names.length > 1 ? names[names.length - 2] : undefined, name));
    } else if (type === "OBJECT_INDEX") {
      const key = findIndexKey(context, listNames(object));
      if (key !== undefined) dropIndex(context, key);
    } else if (type === "OBJECT_POLICY" || type === "OBJECT_TRIGGER") {
      const names = listNames(object);
      const key = keyOf(context, names.length > 2 ? names[names.length - 3] : undefined, names[names.length - 2] ?? "");
      const table = model.tables.get(key);
      const name = names.at(-1);
      if (table === undefined) continue;
      if (type === "OBJECT_POLICY") table.policies = table.policies.filter((policy) => policy.name !== name);
      else table.triggers = table.triggers.filter((trigger) => trigger.name !== name);
    } else if (type === "OBJECT_FUNCTION" || type === "OBJECT_PROCEDURE" || type === "OBJECT_ROUTINE") {
      model.functions.delete(routineKey(context, nodeOf<ObjectWithArgs>(object, "ObjectWithArgs")?.objname));
    } else if (type === "OBJECT_TYPE" || type === "OBJECT_DOMAIN") {
      const key = typeKey(context, nodeOf<TypeName>(object, "TypeName")?.names);
      model.enums.delete(key);
      model.sources.delete(`enum:${key}`);
    } else if (type === "OBJECT_EXTENSION") {
      const name = stringOf(object) ?? "";
      model.extensions.delete(name);
      model.sources.delete(`extension:${name}`);
    } else if (type === "OBJECT_SCHEMA") {
      dropSchema(model, stringOf(object) ?? "");
    }
  }
}

function renameRelationChild(context: ApplyContext, statement: RenameStmt): void {
  const key = rangeVarKey(context, statement.relation);
  const table = key === undefined ? undefined : context.model.tables.get(key);
  const { subname, newname } = statement;
  if (table === undefined || subname === undefined || newname === undefined) return;
  if (statement.renameType === "OBJECT_COLUMN") {
    renameColumn(context.model, table, subname, newname);
  } else if (statement.renameType === "OBJECT_POLICY") {
    const policy = table.policies.find((existing) => existing.name === subname);
    if (policy !== undefined) policy.name = newname;
  } else if (statement.renameType === "OBJECT_TRIGGER") {
    const trigger = table.triggers.find((existing) => existing.name === subname);
    if (trigger !== undefined) trigger.name = newname;
  } else if (statement.renameType === "OBJECT_TABCONSTRAINT") {
    const constraint = table.constraints.find((existing) => existing.name === subname);
    if (constraint === undefined) return;
    constraint.name = newname;
    // A key constraint and its index share their name: renaming one renames the other.
    if (constraint.index !== undefined) renameIndex(context, `${table.schema}.${constraint.index}`, newname);
  }
}

function renameIndex(context: ApplyContext, key: string, newName: string): void {
  const index = context.model.indexes.get(key);
  if (index === undefined) return;
  const table = context.model.tables.get(index.table);
  const schema = key.slice(0, key.indexOf("."));
  const newKey = `${schema}.${newName}`;
  context.model.indexes.delete(key);
  const oldName = index.name;
  index.name = newName;
  context.model.indexes.set(newKey, index);
  if (table === undefined) return;
  table.indexes = table.indexes.map((existing) => (existing === key ? newKey : existing));
  if (index.constraint !== undefined) {
    index.constraint = newName;
    const constraint = table.constraints.find((existing) => existing.index === oldName);
    if (constraint !== undefined) {
      constraint.name = newName;
      constraint.index = newName;
    }
  }
}

/** ALTER ... RENAME: tables, views, columns, constraints, indexes, policies, triggers, types, functions, roles, schemas. */
export function applyRename(context: ApplyContext, statement: RenameStmt): void {
  const { model } = context;
  const type = statement.renameType ?? "";
  const newName = statement.newname;
  if (newName === undefined) return;
  if (RELATION_TYPES.has(type)) {
    const key = rangeVarKey(context, statement.relation);
    const table = key === undefined ? undefined : model.tables.get(key);
    if (table !== undefined) relocateTable(model, table, table.schema, newName);
  } else if (type === "OBJECT_INDEX") {
    const relation = statement.relation;
    const key = findIndexKey(
      context,
      [relation?.schemaname, relation?.relname].filter((part): part is string => part !== undefined),
    );
    if (key !== undefined) renameIndex(context, key, newName);
  } else if (
    type === "OBJECT_COLUMN" ||
    type === "OBJECT_POLICY" ||
    type === "OBJECT_TRIGGER" ||
    type === "OBJECT_TABCONSTRAINT"
  ) {
    renameRelationChild(context, statement);
  } else if (type === "OBJECT_TYPE") {
    const key = typeKey(context, nodeOf<{ items?: Node[] }>(statement.object, "List")?.items);
    const labels = model.enums.get(key);
    if (labels === undefined) return;
    model.enums.delete(key);
    model.enums.set(`${key.slice(0, key.indexOf("."))}.${newName}`, labels);
  } else if (type === "OBJECT_FUNCTION" || type === "OBJECT_PROCEDURE" || type === "OBJECT_ROUTINE") {
    const key = routineKey(context, nodeOf<ObjectWithArgs>(statement.object, "ObjectWithArgs")?.objname);
    const routine = model.functions.get(key);
    if (routine === undefined) return;
    model.functions.delete(key);
    routine.name = newName;
    model.functions.set(`${routine.schema}.${newName}`, routine);
  } else if (type === "OBJECT_ROLE" && statement.subname !== undefined) {
    const role = model.roles.get(statement.subname);
    if (role === undefined) return;
    model.roles.delete(statement.subname);
    model.roles.set(newName, role);
  } else if (type === "OBJECT_SCHEMA" && statement.subname !== undefined) {
    renameSchema(model, statement.subname, newName);
  }
}

/** ALTER TABLE | VIEW | TYPE | FUNCTION ... SET SCHEMA. */
export function applySetSchema(context: ApplyContext, statement: AlterObjectSchemaStmt): void {
  const { model } = context;
  const schema = statement.newschema;
  if (schema === undefined) return;
  const type = statement.objectType ?? "";
  if (RELATION_TYPES.has(type)) {
    const key = rangeVarKey(context, statement.relation);
    const table = key === undefined ? undefined : model.tables.get(key);
    if (table !== undefined) relocateTable(model, table, schema, table.name);
  } else if (type === "OBJECT_TYPE") {
    const key = typeKey(context, nodeOf<{ items?: Node[] }>(statement.object, "List")?.items);
    const labels = model.enums.get(key);
    if (labels === undefined) return;
    model.enums.delete(key);
    model.enums.set(`${schema}.${key.slice(key.indexOf(".") + 1)}`, labels);
  } else if (type === "OBJECT_FUNCTION" || type === "OBJECT_PROCEDURE") {
    const key = routineKey(context, nodeOf<ObjectWithArgs>(statement.object, "ObjectWithArgs")?.objname);
    const routine = model.functions.get(key);
    if (routine === undefined) return;
    model.functions.delete(key);
    routine.schema = schema;
    model.functions.set(`${schema}.${routine.name}`, routine);
  }
}

/** COMMENT ON TABLE | VIEW | COLUMN ... IS '...' | NULL. */
export function applyComment(context: ApplyContext, statement: CommentStmt): void {
  const names = listNames(statement.object);
  if (RELATION_TYPES.has(statement.objtype ?? "")) {
    const { table } = tableOf(context, names, 0, statement.objtype);
    if (table === undefined) return;
    if (statement.comment === undefined) delete table.comment;
    else table.comment = statement.comment;
  } else if (statement.objtype === "OBJECT_COLUMN") {
    const { table, rest } = tableOf(context, names, 1);
    const column = table === undefined || rest[0] === undefined ? undefined : columnForAlter(table, rest[0]);
    if (column === undefined) return;
    if (statement.comment === undefined) delete column.comment;
    else column.comment = statement.comment;
  }
}

/** SECURITY LABEL [FOR provider] ON TABLE | COLUMN ... IS '...' | NULL; without a provider the key is `default`. */
export function applySecurityLabel(context: ApplyContext, statement: SecLabelStmt): void {
  const names = listNames(statement.object);
  const provider = statement.provider ?? "default";
  let labels: Record<string, string> | undefined;
  if (RELATION_TYPES.has(statement.objtype ?? "")) labels = tableOf(context, names, 0, statement.objtype).table?.securityLabels;
  else if (statement.objtype === "OBJECT_COLUMN") {
    const { table, rest } = tableOf(context, names, 1);
    labels = table === undefined || rest[0] === undefined ? undefined : columnForAlter(table, rest[0])?.securityLabels;
  }
  if (labels === undefined) return;
  if (statement.label === undefined) delete labels[provider];
  else labels[provider] = statement.label;
}
