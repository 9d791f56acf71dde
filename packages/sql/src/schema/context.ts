import type { RangeVar } from "@pgsql/types";
import type { Statement } from "../types.js";
import { newTable, sourceOf } from "./model.js";
import { DEFAULT_SCHEMA, resolveTableKey, TEMPORARY_SCHEMA } from "./names.js";
import type { ColumnModel, SchemaModel, SourceReference, TableModel } from "./types.js";

/** Options of `applyStatement`. */
export interface ApplyOptions {
  /**
   * Schema for unqualified names (the first schema of the search path). By default the one the
   * last `SET search_path` of the session chose, else `public`.
   */
  defaultSchema?: string;
  /**
   * Whether tables created by this statement count as created by the migration set
   * (`TableModel.createdInMigrations`). True by default; false when replaying already-applied
   * migrations to stand for the existing database.
   */
  createdInMigrations?: boolean;
}

/** What every handler needs: the model, where the statement is, and how to resolve names. */
export interface ApplyContext {
  model: SchemaModel;
  statement: Statement;
  source: SourceReference;
  defaultSchema: string;
  createdInMigrations: boolean;
}

/** Builds the context of one statement. */
export function createContext(model: SchemaModel, statement: Statement, options: ApplyOptions): ApplyContext {
  return {
    model,
    statement,
    source: sourceOf(statement),
    defaultSchema: options.defaultSchema ?? model.session?.defaultSchema ?? DEFAULT_SCHEMA,
    createdInMigrations: options.createdInMigrations ?? true,
  };
}

/** The key a relation resolves to (temporary tables first for unqualified names). */
export function keyOf(context: ApplyContext, schema: string | undefined, name: string): string {
  return resolveTableKey(context.model, schema, name, context.defaultSchema);
}

/** The key of a RangeVar, or undefined when it has no name. */
export function rangeVarKey(context: ApplyContext, relation: RangeVar | undefined): string | undefined {
  if (relation?.relname === undefined) return undefined;
  if (relation.relpersistence === "t") return `${TEMPORARY_SCHEMA}.${relation.relname}`;
  return keyOf(context, relation.schemaname, relation.relname);
}

/**
 * The table a statement alters. A table the replay has not seen existed before the migration set:
 * it is added as a stand-in (`createdInMigrations: false`, `columnsKnown: false`) so facts about
 * it (a column added, a comment, RLS) are still recorded.
 */
export function tableForAlter(
  context: ApplyContext,
  schema: string | undefined,
  name: string,
  kind: TableModel["kind"] = "table",
): TableModel {
  const key = keyOf(context, schema, name);
  const existing = context.model.tables.get(key);
  if (existing !== undefined) return existing;
  const dot = key.indexOf(".");
  const table = newTable(context.model, key.slice(0, dot), key.slice(dot + 1), kind, context.source, false);
  delete table.createdAt;
  table.columnsKnown = false;
  context.model.tables.set(key, table);
  return table;
}

/** A column a statement alters; for a stand-in table, an unknown pre-existing column is added. */
export function columnForAlter(table: TableModel, name: string): ColumnModel | undefined {
  const existing = table.columns.get(name);
  if (existing !== undefined || table.columnsKnown !== false) return existing;
  const column: ColumnModel = {
    name,
    type: "unknown",
    typeModifiers: [],
    isArray: false,
    notNull: false,
    securityLabels: {},
    typeUnknown: true,
  };
  table.columns.set(name, column);
  return column;
}
