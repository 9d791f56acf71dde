import type {
  AlterEnumStmt,
  AlterFunctionStmt,
  AlterOwnerStmt,
  CreateEnumStmt,
  CreateExtensionStmt,
  CreateFunctionStmt,
  CreateSchemaStmt,
  DefElem,
  FunctionParameter,
  Node,
  ObjectWithArgs,
  RoleSpec,
  VariableSetStmt,
} from "@pgsql/types";
import { nodeOf, qualifiedNameOf, stringOf, stringsOf } from "./ast.js";
import type { ApplyContext } from "./context.js";
import { normaliseTypeName, roleName } from "./names.js";
import { relocateTable } from "./relocate.js";
import type { FunctionModel, SchemaModel } from "./types.js";

/** The key of a function or procedure as a statement names it (overloads share one key). */
export function routineKey(context: ApplyContext, names: Node[] | undefined): string {
  const name = qualifiedNameOf(names);
  return `${name?.schema ?? context.defaultSchema}.${name?.name ?? ""}`;
}

/** The key of a type as a statement names it. */
export function typeKey(context: ApplyContext, names: Node[] | undefined): string {
  return routineKey(context, names);
}

/** The value of a `SET search_path` option, or `FROM CURRENT`. */
function searchPathOf(set: VariableSetStmt): string | undefined {
  if (set.name !== "search_path") return undefined;
  if (set.kind === "VAR_SET_CURRENT") return "FROM CURRENT";
  if (set.kind !== "VAR_SET_VALUE") return undefined;
  return (set.args ?? [])
    .map((argument) => nodeOf<{ sval?: { sval?: string } }>(argument, "A_Const")?.sval?.sval ?? "")
    .join(", ");
}

/** Applies CREATE/ALTER FUNCTION options: language, volatility, SECURITY DEFINER, SET/RESET search_path. */
function applyFunctionOptions(routine: FunctionModel, options: Node[] | undefined): void {
  for (const node of options ?? []) {
    const option = nodeOf<DefElem>(node, "DefElem");
    if (option === undefined) continue;
    if (option.defname === "language") routine.language = stringOf(option.arg) ?? routine.language;
    else if (option.defname === "volatility")
      routine.volatility = (stringOf(option.arg) ?? "volatile") as FunctionModel["volatility"];
    else if (option.defname === "security")
      routine.securityDefiner = nodeOf<{ boolval?: boolean }>(option.arg, "Boolean")?.boolval === true;
    else if (option.defname === "set") {
      const set = nodeOf<VariableSetStmt>(option.arg, "VariableSetStmt");
      if (set === undefined) continue;
      if (set.kind === "VAR_RESET_ALL" || (set.kind === "VAR_RESET" && set.name === "search_path")) delete routine.searchPath;
      const path = searchPathOf(set);
      if (path !== undefined) routine.searchPath = path;
    }
  }
}

/** CREATE [OR REPLACE] FUNCTION | PROCEDURE. */
export function applyCreateFunction(context: ApplyContext, statement: CreateFunctionStmt): void {
  const name = qualifiedNameOf(statement.funcname);
  if (name === undefined) return;
  const key = `${name.schema ?? context.defaultSchema}.${name.name}`;
  const existing = context.model.functions.get(key);
  const argumentTypes = (statement.parameters ?? []).flatMap((node) => {
    const parameter = nodeOf<FunctionParameter>(node, "FunctionParameter");
    if (parameter === undefined || parameter.mode === "FUNC_PARAM_OUT" || parameter.mode === "FUNC_PARAM_TABLE") return [];
    const type = normaliseTypeName(parameter.argType);
    return [type.isArray ? `${type.type}[]` : type.type];
  });
  const routine: FunctionModel = {
    schema: name.schema ?? context.defaultSchema,
    name: name.name,
    securityDefiner: false,
    // A standard-SQL body (`RETURN ...` / `BEGIN ATOMIC`) has no LANGUAGE clause: it is SQL.
    language: "sql",
    volatility: "volatile",
    createdAt: existing?.createdAt ?? context.source,
    kind: statement.is_procedure === true ? "procedure" : "function",
    argumentTypes,
  };
  if (statement.returnType !== undefined) routine.returns = normaliseTypeName(statement.returnType).type;
  applyFunctionOptions(routine, statement.options);
  context.model.functions.set(key, routine);
}

/** ALTER FUNCTION | PROCEDURE | ROUTINE ... SECURITY, volatility, SET/RESET. */
export function applyAlterFunction(context: ApplyContext, statement: AlterFunctionStmt): void {
  const routine = context.model.functions.get(routineKey(context, statement.func?.objname));
  if (routine !== undefined) applyFunctionOptions(routine, statement.actions);
}

/** ALTER ... OWNER TO for functions (tables go through ALTER TABLE). */
export function applyAlterOwner(context: ApplyContext, statement: AlterOwnerStmt): void {
  if (statement.objectType !== "OBJECT_FUNCTION" && statement.objectType !== "OBJECT_PROCEDURE") return;
  const routine = context.model.functions.get(
    routineKey(context, nodeOf<ObjectWithArgs>(statement.object, "ObjectWithArgs")?.objname),
  );
  if (routine !== undefined) routine.owner = roleName(statement.newowner as RoleSpec | undefined);
}

/** CREATE TYPE ... AS ENUM. */
export function applyCreateEnum(context: ApplyContext, statement: CreateEnumStmt): void {
  const key = typeKey(context, statement.typeName);
  if (context.model.enums.has(key)) return;
  context.model.enums.set(key, stringsOf(statement.vals));
  context.model.sources.set(`enum:${key}`, context.source);
}

/** ALTER TYPE ... ADD VALUE [BEFORE | AFTER] and RENAME VALUE. */
export function applyAlterEnum(context: ApplyContext, statement: AlterEnumStmt): void {
  const labels = context.model.enums.get(typeKey(context, statement.typeName));
  const value = statement.newVal;
  if (labels === undefined || value === undefined) return;
  if (statement.oldVal !== undefined) {
    const position = labels.indexOf(statement.oldVal);
    if (position !== -1) labels[position] = value;
    return;
  }
  if (labels.includes(value)) return;
  const neighbour = statement.newValNeighbor === undefined ? -1 : labels.indexOf(statement.newValNeighbor);
  if (neighbour === -1) labels.push(value);
  else labels.splice(statement.newValIsAfter === true ? neighbour + 1 : neighbour, 0, value);
}

/** CREATE EXTENSION. */
export function applyCreateExtension(context: ApplyContext, statement: CreateExtensionStmt): void {
  if (statement.extname === undefined || context.model.extensions.has(statement.extname)) return;
  context.model.extensions.add(statement.extname);
  context.model.sources.set(`extension:${statement.extname}`, context.source);
}

/** CREATE SCHEMA (its embedded elements are replayed by the caller with the schema as default). */
export function applyCreateSchema(context: ApplyContext, statement: CreateSchemaStmt): void {
  const name = statement.schemaname ?? roleName(statement.authrole);
  if (name === "" || context.model.schemas.has(name)) return;
  context.model.schemas.add(name);
  context.model.sources.set(`schema:${name}`, context.source);
}

function inSchema(key: string, schema: string): boolean {
  return key.startsWith(`${schema}.`);
}

/** DROP SCHEMA: the schema and everything the model holds in it. */
export function dropSchema(model: SchemaModel, schema: string): void {
  model.schemas.delete(schema);
  model.sources.delete(`schema:${schema}`);
  for (const key of [...model.tables.keys()]) if (inSchema(key, schema)) model.tables.delete(key);
  for (const key of [...model.indexes.keys()]) if (inSchema(key, schema)) model.indexes.delete(key);
  for (const key of [...model.functions.keys()]) if (inSchema(key, schema)) model.functions.delete(key);
  for (const key of [...model.enums.keys()]) if (inSchema(key, schema)) model.enums.delete(key);
}

/** ALTER SCHEMA ... RENAME TO: every object key in it moves. */
export function renameSchema(model: SchemaModel, from: string, to: string): void {
  if (!model.schemas.has(from) && ![...model.tables.keys()].some((key) => inSchema(key, from))) return;
  model.schemas.delete(from);
  model.schemas.add(to);
  for (const table of [...model.tables.values()]) if (table.schema === from) relocateTable(model, table, to, table.name);
  for (const [key, routine] of [...model.functions]) {
    if (routine.schema !== from) continue;
    model.functions.delete(key);
    routine.schema = to;
    model.functions.set(`${to}.${routine.name}`, routine);
  }
  for (const [key, labels] of [...model.enums]) {
    if (!inSchema(key, from)) continue;
    model.enums.delete(key);
    model.enums.set(`${to}.${key.slice(from.length + 1)}`, labels);
  }
}
