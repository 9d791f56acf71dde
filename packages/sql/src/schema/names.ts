import type { RoleSpec, TypeName } from "@pgsql/types";
import { integerOf, stringsOf } from "./ast.js";
import type { SchemaModel, TableModel } from "./types.js";

/** The schema PostgreSQL resolves unqualified names to when the search path is the default. */
export const DEFAULT_SCHEMA = "public";

/** The pseudo-schema of temporary tables; searched first for unqualified names, as PostgreSQL does. */
export const TEMPORARY_SCHEMA = "pg_temp";

/** PostgreSQL's NAMEDATALEN - 1: identifiers are truncated to 63 bytes. */
const MAXIMUM_IDENTIFIER_LENGTH = 63;

/** The map key of a schema-qualified object: `schema.name`. */
export function objectKey(schema: string | undefined, name: string, defaultSchema = DEFAULT_SCHEMA): string {
  return `${schema ?? defaultSchema}.${name}`;
}

/** Splits a key made by {@link objectKey} back into its parts. */
export function splitKey(key: string): { schema: string; name: string } {
  const dot = key.indexOf(".");
  return dot === -1 ? { schema: DEFAULT_SCHEMA, name: key } : { schema: key.slice(0, dot), name: key.slice(dot + 1) };
}

/**
 * Splits a name as a person writes it (`users`, `public.users`, `"Mixed Case".t`) into folded parts:
 * unquoted parts are lower-cased, quoted parts kept exactly (with `""` unescaped), as PostgreSQL does.
 */
export function parseWrittenName(written: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  let partWasQuoted = false;
  for (let index = 0; index < written.length; index++) {
    const character = written[index]!;
    if (quoted) {
      if (character === '"' && written[index + 1] === '"') {
        current += '"';
        index++;
      } else if (character === '"') quoted = false;
      else current += character;
    } else if (character === '"') {
      quoted = true;
      partWasQuoted = true;
    } else if (character === ".") {
      parts.push(current);
      current = "";
      partWasQuoted = false;
    } else if (character.trim() !== "") {
      current += partWasQuoted ? character : character.toLowerCase();
    }
  }
  parts.push(current);
  return parts;
}

/**
 * Finds a table, view or materialized view by its name as written: `name` (the temporary schema
 * first, then `public`, then the only schema holding that name), `schema.name`, or an object.
 */
export function findTable(model: SchemaModel, name: string | { schema?: string; name: string }): TableModel | undefined {
  const parts =
    typeof name === "string" ? parseWrittenName(name) : name.schema === undefined ? [name.name] : [name.schema, name.name];
  const relation = parts[parts.length - 1];
  if (relation === undefined || relation === "") return undefined;
  if (parts.length > 1) return model.tables.get(`${parts[parts.length - 2]}.${relation}`);
  const candidate = model.tables.get(`${TEMPORARY_SCHEMA}.${relation}`) ?? model.tables.get(`${DEFAULT_SCHEMA}.${relation}`);
  if (candidate !== undefined) return candidate;
  const matches = [...model.tables.values()].filter((table) => table.name === relation);
  return matches.length === 1 ? matches[0] : undefined;
}

/** Keys of `SchemaModel.tables` for a relation as a statement names it, honouring the temporary schema. */
export function resolveTableKey(model: SchemaModel, schema: string | undefined, name: string, defaultSchema: string): string {
  if (schema !== undefined) return `${schema}.${name}`;
  const temporary = `${TEMPORARY_SCHEMA}.${name}`;
  if (model.tables.has(temporary)) return temporary;
  return `${defaultSchema}.${name}`;
}

/** Serial pseudo-types become integers with a sequence default, as PostgreSQL rewrites them. */
const SERIAL_TYPES: Record<string, string> = {
  smallserial: "int2",
  serial2: "int2",
  serial: "int4",
  serial4: "int4",
  bigserial: "int8",
  serial8: "int8",
};

/** Spellings the grammar does not already turn into `pg_catalog.<internal name>` when written unqualified. */
const TYPE_ALIASES: Record<string, string> = {
  integer: "int4",
  int: "int4",
  smallint: "int2",
  bigint: "int8",
  boolean: "bool",
  real: "float4",
  decimal: "numeric",
};

/** The normalised parts of a TypeName: what `ColumnModel` stores. */
export interface NormalisedType {
  type: string;
  typeModifiers: number[];
  isArray: boolean;
  /** Set for serial pseudo-types: the integer type they stand for. */
  serial?: boolean;
}

/**
 * A TypeName as PostgreSQL stores it: `pg_catalog.` dropped, serials turned into their integer type,
 * user types kept as written (`mood` or `app.mood`), modifiers as numbers.
 */
export function normaliseTypeName(typeName: TypeName | undefined): NormalisedType {
  const parts = stringsOf(typeName?.names);
  const last = parts[parts.length - 1] ?? "unknown";
  const qualified = parts.length > 1 && parts[0] !== "pg_catalog";
  let type = qualified ? parts.join(".") : last;
  let serial = false;
  if (!qualified && parts.length === 1) {
    const serialType = SERIAL_TYPES[last];
    if (serialType !== undefined) {
      type = serialType;
      serial = true;
    } else type = TYPE_ALIASES[last] ?? last;
  }
  const typeModifiers: number[] = [];
  for (const modifier of typeName?.typmods ?? []) {
    const value = integerOf(modifier);
    if (value !== undefined) typeModifiers.push(value);
  }
  const isArray = (typeName?.arrayBounds?.length ?? 0) > 0;
  return serial ? { type, typeModifiers, isArray, serial } : { type, typeModifiers, isArray };
}

/** A role as written in GRANT, POLICY or OWNER TO: a name, `PUBLIC`, `CURRENT_USER`, ... */
export function roleName(spec: RoleSpec | undefined): string {
  switch (spec?.roletype) {
    case "ROLESPEC_PUBLIC":
      return "PUBLIC";
    case "ROLESPEC_CURRENT_USER":
      return "CURRENT_USER";
    case "ROLESPEC_CURRENT_ROLE":
      return "CURRENT_ROLE";
    case "ROLESPEC_SESSION_USER":
      return "SESSION_USER";
    default:
      return spec?.rolename ?? "";
  }
}

/**
 * PostgreSQL's `makeObjectName`: `name1_name2_label`, shortening the longer of the first two parts
 * until the result fits in 63 bytes. Used for the names PostgreSQL chooses for unnamed constraints
 * and indexes, so that a later `DROP CONSTRAINT t_a_key` finds them.
 */
export function makeObjectName(name1: string, name2: string | undefined, label: string): string {
  let first = Buffer.from(name1);
  let second = Buffer.from(name2 ?? "");
  const overhead = label.length + 1 + (name2 === undefined ? 0 : 1);
  const available = MAXIMUM_IDENTIFIER_LENGTH - overhead;
  while (first.length + second.length > available) {
    if (first.length > second.length) first = first.subarray(0, first.length - 1);
    else second = second.subarray(0, second.length - 1);
  }
  const parts = [first.toString("utf8").replace(/\uFFFD$/u, "")];
  if (name2 !== undefined) parts.push(second.toString("utf8").replace(/\uFFFD$/u, ""));
  parts.push(label);
  return parts.join("_");
}

/** PostgreSQL's `ChooseRelationName`/`ChooseConstraintName`: the first of `label`, `label1`, `label2`, ... not taken. */
export function chooseName(name1: string, name2: string | undefined, label: string, taken: (name: string) => boolean): string {
  for (let suffix = 0; ; suffix++) {
    const candidate = makeObjectName(name1, name2, suffix === 0 ? label : `${label}${suffix}`);
    if (!taken(candidate)) return candidate;
  }
}

/**
 * PostgreSQL's ChooseIndexColumnNames: the names of an index's attributes (key and INCLUDE
 * columns; `lower`, `expr` for expressions), made unique with a numeric suffix. They make up the
 * index's default name and are reused when the index is copied (LIKE, partitions).
 */
export function indexAttributeNames(parts: string[]): string[] {
  const names: string[] = [];
  for (const part of parts) {
    let candidate = part;
    for (let suffix = 1; names.includes(candidate); suffix++) candidate = `${part}${suffix}`;
    names.push(candidate);
  }
  return names;
}
