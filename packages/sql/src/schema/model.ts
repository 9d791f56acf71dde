import type { VolatilityCode } from "../generated/function-volatility.js";
import type { Statement } from "../types.js";
import { DEFAULT_SCHEMA } from "./names.js";
import type { FunctionModel, SchemaModel, SourceReference, TableModel } from "./types.js";

/** An empty catalog: only the `public` schema exists. */
export function createSchemaModel(): SchemaModel {
  return {
    tables: new Map(),
    indexes: new Map(),
    functions: new Map(),
    enums: new Map(),
    extensions: new Set(),
    roles: new Map(),
    schemas: new Set([DEFAULT_SCHEMA]),
    sources: new Map(),
    nextObjectId: 1,
  };
}

/** A deep copy: replaying more statements into the copy leaves the original untouched. */
export function cloneSchemaModel(model: SchemaModel): SchemaModel {
  // The model is plain data (Maps, Sets, arrays, records), which structuredClone copies exactly.
  return structuredClone(model);
}

/** Where a statement starts, as objects record it. */
export function sourceOf(statement: Statement): SourceReference {
  const source: SourceReference = { line: statement.start.line, column: statement.start.column, statementIndex: statement.index };
  if (statement.file !== undefined) source.file = statement.file;
  return source;
}

/** A new, empty table entry. */
export function newTable(
  model: SchemaModel,
  schema: string,
  name: string,
  kind: TableModel["kind"],
  createdAt: SourceReference,
  createdInMigrations: boolean,
): TableModel {
  return {
    schema,
    name,
    kind,
    columns: new Map(),
    constraints: [],
    indexes: [],
    securityLabels: {},
    rowLevelSecurity: false,
    forceRowLevelSecurity: false,
    policies: [],
    triggers: [],
    grants: [],
    createdAt,
    createdInMigrations,
    objectId: model.nextObjectId++,
  };
}

/** The next column position of a table (like `attnum`). */
export function nextColumnPosition(table: TableModel): number {
  let highest = 0;
  for (const column of table.columns.values()) highest = Math.max(highest, column.position ?? 0);
  return highest + 1;
}

const VOLATILITY_CODES: Record<FunctionModel["volatility"], VolatilityCode> = { immutable: "i", stable: "s", volatile: "v" };

/**
 * A resolver for `isVolatileExpression` that knows the functions the migrations created, so a
 * default calling a user function declared STABLE is not taken for volatile.
 */
export function functionResolver(model: SchemaModel): (name: string, schema: string | undefined) => VolatilityCode | undefined {
  return (name, schema) => {
    const fn = model.functions.get(`${schema ?? DEFAULT_SCHEMA}.${name}`);
    return fn === undefined ? undefined : VOLATILITY_CODES[fn.volatility];
  };
}
