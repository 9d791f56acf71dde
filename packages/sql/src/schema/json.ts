import type { SchemaModel, TableModel } from "./types.js";

/** A type with its Maps turned into records and its Sets into arrays: what JSON can carry. */
export type Jsonified<T> =
  T extends Map<string, infer Value>
    ? Record<string, Jsonified<Value>>
    : T extends Set<infer Value>
      ? Jsonified<Value>[]
      : T extends Array<infer Value>
        ? Jsonified<Value>[]
        : T extends object
          ? { [Key in keyof T]: Jsonified<T[Key]> }
          : T;

/** The JSON form of a schema model. */
export type SchemaModelJson = Jsonified<SchemaModel>;

function toPlain(value: unknown): unknown {
  if (value instanceof Map) return Object.fromEntries([...value].map(([key, item]) => [key, toPlain(item)]));
  if (value instanceof Set) return [...value].map(toPlain);
  if (Array.isArray(value)) return value.map(toPlain);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toPlain(item)]));
  }
  return value;
}

/** The model as plain objects (Maps become records keyed like the maps, Sets become arrays), ready for JSON.stringify. */
export function schemaModelToJson(model: SchemaModel): SchemaModelJson {
  return toPlain(model) as SchemaModelJson;
}

/** The inverse of {@link schemaModelToJson}: a model read back from JSON (a cache, a run's saved diff input). */
export function schemaModelFromJson(json: SchemaModelJson): SchemaModel {
  const copy = structuredClone(json);
  const tables = new Map<string, TableModel>();
  for (const [key, table] of Object.entries(copy.tables)) {
    tables.set(key, { ...table, columns: new Map(Object.entries(table.columns)) } as TableModel);
  }
  return {
    tables,
    indexes: new Map(Object.entries(copy.indexes)),
    functions: new Map(Object.entries(copy.functions)),
    enums: new Map(Object.entries(copy.enums)),
    extensions: new Set(copy.extensions),
    roles: new Map(Object.entries(copy.roles)),
    schemas: new Set(copy.schemas),
    sources: new Map(Object.entries(copy.sources)),
    nextObjectId: copy.nextObjectId,
    ...(copy.session === undefined ? {} : { session: copy.session }),
  };
}
