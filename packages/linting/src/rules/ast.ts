import type { AlterTableCmd, AlterTableStmt, ColumnDef, Constraint, CreateStmt, Node, RangeVar, TypeName } from "@pgsql/types";

/**
 * Small readers over libpg-query nodes shared by the rules of the general library. Nodes are
 * tagged unions (`{ AlterTableStmt: {...} }`); these keep the narrowing in one place.
 */

/** The payload of a node when it has the given tag. */
export function nodeOf<T>(node: unknown, tag: string): T | undefined {
  if (node === null || typeof node !== "object") return undefined;
  const value = (node as Record<string, unknown>)[tag];
  return value === undefined ? undefined : (value as T);
}

/** The tag of a node (`"CreateStmt"`). */
export function tagOf(node: unknown): string | undefined {
  if (node === null || typeof node !== "object") return undefined;
  return Object.keys(node)[0];
}

/** The texts of a list of `String` nodes (qualified names, column lists). */
export function stringsOf(nodes: readonly Node[] | undefined): string[] {
  const result: string[] = [];
  for (const node of nodes ?? []) {
    const value = nodeOf<{ sval?: string }>(node, "String");
    if (value !== undefined) result.push(value.sval ?? "");
  }
  return result;
}

/** Visits every tagged node under `value`, depth first. */
export function walk(value: unknown, visit: (tag: string, payload: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, visit);
    return;
  }
  if (value === null || typeof value !== "object") return;
  const keys = Object.keys(value);
  if (keys.length === 1 && /^[A-Z]/.test(keys[0]!)) {
    const payload = (value as Record<string, unknown>)[keys[0]!];
    if (payload !== null && typeof payload === "object" && !Array.isArray(payload))
      visit(keys[0]!, payload as Record<string, unknown>);
  }
  for (const child of Object.values(value as Record<string, unknown>)) walk(child, visit);
}

/** A relation name as written: `schema.name` or `name`. */
export function rangeVarText(relation: RangeVar | undefined): string {
  if (relation?.relname === undefined) return "";
  return relation.schemaname === undefined ? relation.relname : `${relation.schemaname}.${relation.relname}`;
}

/** The ALTER TABLE statement of a node, when it alters a table (not a type or an index). */
export function alterTableOf(node: Node): AlterTableStmt | undefined {
  return nodeOf<AlterTableStmt>(node, "AlterTableStmt");
}

/** The subcommands of an ALTER TABLE, unwrapped. */
export function alterCommands(statement: AlterTableStmt | undefined): AlterTableCmd[] {
  return (statement?.cmds ?? []).flatMap((command) => {
    const payload = nodeOf<AlterTableCmd>(command, "AlterTableCmd");
    return payload === undefined ? [] : [payload];
  });
}

/** The column definitions of a CREATE TABLE. */
export function createTableColumns(statement: CreateStmt | undefined): ColumnDef[] {
  return (statement?.tableElts ?? []).flatMap((element) => {
    const column = nodeOf<ColumnDef>(element, "ColumnDef");
    return column === undefined ? [] : [column];
  });
}

/** The table-level constraints of a CREATE TABLE. */
export function createTableConstraints(statement: CreateStmt | undefined): Constraint[] {
  return (statement?.tableElts ?? []).flatMap((element) => {
    const constraint = nodeOf<Constraint>(element, "Constraint");
    return constraint === undefined ? [] : [constraint];
  });
}

/** The constraints written on a column. */
export function columnConstraints(column: ColumnDef | undefined): Constraint[] {
  return constraintsOf(column?.constraints);
}

/** The Constraint payloads of a list of nodes. */
export function constraintsOf(nodes: readonly Node[] | undefined): Constraint[] {
  return (nodes ?? []).flatMap((node) => {
    const constraint = nodeOf<Constraint>(node, "Constraint");
    return constraint === undefined ? [] : [constraint];
  });
}

/** The constraint an `ADD CONSTRAINT` subcommand defines. */
export function commandConstraint(command: AlterTableCmd): Constraint | undefined {
  return nodeOf<Constraint>(command.def, "Constraint");
}

/** The column an `ADD COLUMN` subcommand defines. */
export function commandColumn(command: AlterTableCmd): ColumnDef | undefined {
  return command.subtype === "AT_AddColumn" ? nodeOf<ColumnDef>(command.def, "ColumnDef") : undefined;
}

/** A column definition found in a statement, with the table it belongs to. */
export interface ColumnSite {
  column: ColumnDef;
  table: RangeVar | undefined;
  /** `create`: in a CREATE TABLE; `add`: ALTER TABLE ... ADD COLUMN; `alter`: ALTER COLUMN ... TYPE. */
  origin: "create" | "add" | "alter";
}

/**
 * Every column definition and column type a statement writes: CREATE TABLE columns, ADD COLUMN,
 * and ALTER COLUMN ... TYPE (whose `def` is a ColumnDef holding the new type).
 */
export function columnSites(node: Node): ColumnSite[] {
  const create = nodeOf<CreateStmt>(node, "CreateStmt");
  if (create !== undefined)
    return createTableColumns(create).map((column) => ({ column, table: create.relation, origin: "create" }));
  const alter = alterTableOf(node);
  if (alter === undefined || alter.objtype !== "OBJECT_TABLE") return [];
  const sites: ColumnSite[] = [];
  for (const command of alterCommands(alter)) {
    const column = nodeOf<ColumnDef>(command.def, "ColumnDef");
    if (column === undefined) continue;
    if (command.subtype === "AT_AddColumn") sites.push({ column, table: alter.relation, origin: "add" });
    if (command.subtype === "AT_AlterColumnType")
      sites.push({ column: { ...column, colname: command.name ?? "" }, table: alter.relation, origin: "alter" });
  }
  return sites;
}

/** The last part of a type name, lower-cased, and whether it was written with a schema other than pg_catalog. */
export function typeNameParts(typeName: TypeName | undefined): { name: string; schema: string | undefined } {
  const parts = stringsOf(typeName?.names);
  const name = parts[parts.length - 1] ?? "";
  const schema = parts.length > 1 ? parts[parts.length - 2] : undefined;
  return { name, schema: schema === "pg_catalog" ? undefined : schema };
}

/** A built-in type's internal name (`int4`, `varchar`, `timestamptz`), or undefined for a user type. */
export function builtInTypeName(typeName: TypeName | undefined): string | undefined {
  const parts = stringsOf(typeName?.names);
  if (parts.length === 2 && parts[0] === "pg_catalog") return parts[1];
  if (parts.length === 1) return BUILT_IN_SPELLINGS[parts[0]!] ?? parts[0];
  return undefined;
}

/** Spellings the grammar keeps as written (the SQL-standard ones come back as `pg_catalog.<name>`). */
const BUILT_IN_SPELLINGS: Record<string, string> = {
  serial: "serial",
  serial4: "serial",
  bigserial: "bigserial",
  serial8: "bigserial",
  smallserial: "smallserial",
  serial2: "smallserial",
  int2: "int2",
  int4: "int4",
  int8: "int8",
  text: "text",
  varchar: "varchar",
  char: "bpchar",
  bpchar: "bpchar",
  timestamptz: "timestamptz",
  timestamp: "timestamp",
  json: "json",
  jsonb: "jsonb",
  numeric: "numeric",
  decimal: "numeric",
  float4: "float4",
  float8: "float8",
  money: "money",
};

/** The integer type modifiers of a type name (`varchar(20)` -> [20]). */
export function typeModifiers(typeName: TypeName | undefined): number[] {
  const result: number[] = [];
  for (const modifier of typeName?.typmods ?? []) {
    const constant = nodeOf<{ ival?: { ival?: number } }>(modifier, "A_Const");
    if (constant?.ival !== undefined) result.push(constant.ival.ival ?? 0);
  }
  return result;
}

/** Boolean option values PostgreSQL's `defGetBoolean` accepts as false (case-insensitive). */
const FALSE_WORDS = new Set(["false", "off", "no", "0", "f", "n", "fa", "fal", "fals", "of"]);

/**
 * Whether a list of options (`VACUUM (FULL)`, `REINDEX (CONCURRENTLY false)`) turns `name` on, the way
 * `defGetBoolean` reads it: no value, a non-zero integer, or any word but a spelling of false.
 */
export function optionIsOn(options: readonly Node[] | undefined, name: string): boolean {
  let on = false;
  for (const option of options ?? []) {
    const element = nodeOf<{ defname?: string; arg?: Node }>(option, "DefElem");
    if (element?.defname?.toLowerCase() !== name) continue;
    const argument = element.arg;
    if (argument === undefined) on = true;
    else if (nodeOf(argument, "Integer") !== undefined) on = (nodeOf<{ ival?: number }>(argument, "Integer")?.ival ?? 0) !== 0;
    else if (nodeOf(argument, "Boolean") !== undefined) on = nodeOf<{ boolval?: boolean }>(argument, "Boolean")?.boolval === true;
    else on = !FALSE_WORDS.has((nodeOf<{ sval?: string }>(argument, "String")?.sval ?? "true").toLowerCase());
  }
  return on;
}
