import type { ColumnDef, Constraint, Node } from "@pgsql/types";
import { statementLocation } from "../statement-location.js";
import { isVolatileExpression } from "../volatility.js";
import { nodeOf, stringsOf } from "./ast.js";
import { addConstraint } from "./constraints.js";
import { applyConstraintAttribute } from "./constraint-changes.js";
import type { ApplyContext } from "./context.js";
import { expressionToSql } from "./deparse.js";
import { functionResolver, nextColumnPosition } from "./model.js";
import { makeObjectName, normaliseTypeName } from "./names.js";
import type { ColumnModel, ConstraintModel, SourceReference, TableModel } from "./types.js";

/**
 * Where a column's definition starts: its own line and column, so a finding about one column of a
 * 40-column CREATE TABLE points at that column, not at the statement's first line.
 */
function columnSource(context: ApplyContext, location: number | undefined): SourceReference {
  if (location === undefined || location < 0) return context.source;
  const position = statementLocation(context.statement, location);
  return { ...context.source, line: position.line, column: position.column };
}

/** Sets (or clears, with undefined) a column's default and whether it is volatile. */
export function setColumnDefault(context: ApplyContext, column: ColumnModel, expression: Node | undefined): void {
  delete column.defaultExpression;
  delete column.defaultVolatile;
  if (expression === undefined) return;
  const text = expressionToSql(expression);
  if (text !== undefined) column.defaultExpression = text;
  column.defaultVolatile = isVolatileExpression(expression, { resolveFunction: functionResolver(context.model) });
}

/** Sets a column's type from a TypeName (CREATE, ADD COLUMN, ALTER COLUMN TYPE). */
export function setColumnType(column: ColumnModel, typeName: ColumnDef["typeName"]): { serial: boolean } {
  const normalised = normaliseTypeName(typeName);
  column.type = normalised.type;
  column.typeModifiers = normalised.typeModifiers;
  column.isArray = normalised.isArray;
  delete column.typeUnknown;
  return { serial: normalised.serial === true };
}

/** Applies one column constraint (NOT NULL, DEFAULT, IDENTITY, GENERATED, or a table constraint written on the column). */
function applyColumnConstraint(
  context: ApplyContext,
  table: TableModel,
  column: ColumnModel,
  constraint: Constraint,
  inCreate: boolean,
  previous: ConstraintModel | undefined,
): ConstraintModel | undefined {
  switch (constraint.contype) {
    case "CONSTR_NULL":
      column.notNull = false;
      return previous;
    case "CONSTR_DEFAULT":
      setColumnDefault(context, column, constraint.raw_expr);
      return previous;
    case "CONSTR_IDENTITY":
      column.identity = constraint.generated_when === "a" ? "always" : "by_default";
      column.notNull = true;
      return previous;
    case "CONSTR_GENERATED": {
      column.generated = constraint.generated_kind === "v" ? "virtual" : "stored";
      const expression = expressionToSql(constraint.raw_expr);
      if (expression !== undefined) column.generatedExpression = expression;
      return previous;
    }
    default:
      if (applyConstraintAttribute(previous, constraint)) return previous;
      return addConstraint(context, table, constraint, { inCreate, column: column.name }) ?? previous;
  }
}

/**
 * Adds a column from its definition (CREATE TABLE element or ALTER TABLE ADD COLUMN), with its
 * inline constraints. A serial becomes its integer type with a `nextval` default and NOT NULL.
 * Returns undefined when the column already exists (the statement would fail or is IF NOT EXISTS).
 */
export function addColumn(
  context: ApplyContext,
  table: TableModel,
  definition: ColumnDef,
  inCreate: boolean,
): ColumnModel | undefined {
  const name = definition.colname;
  if (name === undefined) return undefined;
  const existing = table.columns.get(name);
  // A partition's column list only adds constraints to the columns it inherits.
  if (existing !== undefined && definition.typeName === undefined) {
    applyColumnConstraints(context, table, existing, definition.constraints, inCreate);
    return existing;
  }
  if (existing !== undefined) return undefined;
  const column: ColumnModel = {
    name,
    type: "unknown",
    typeModifiers: [],
    isArray: false,
    notNull: false,
    securityLabels: {},
    createdAt: columnSource(context, definition.location),
    position: nextColumnPosition(table),
  };
  const { serial } = setColumnType(column, definition.typeName);
  const collation = stringsOf(definition.collClause?.collname);
  if (collation.length > 0) column.collation = collation.join(".");
  table.columns.set(name, column);
  if (serial) {
    const sequence = makeObjectName(table.name, name, "seq");
    const qualified = table.schema === context.defaultSchema ? sequence : `${table.schema}.${sequence}`;
    column.defaultExpression = `nextval('${qualified}'::regclass)`;
    column.defaultVolatile = true;
    column.notNull = true;
  }
  applyColumnConstraints(context, table, column, definition.constraints, inCreate);
  return column;
}

function applyColumnConstraints(
  context: ApplyContext,
  table: TableModel,
  column: ColumnModel,
  constraints: Node[] | undefined,
  inCreate: boolean,
): void {
  let previous: ConstraintModel | undefined;
  for (const node of constraints ?? []) {
    const constraint = nodeOf<Constraint>(node, "Constraint");
    if (constraint !== undefined) previous = applyColumnConstraint(context, table, column, constraint, inCreate, previous);
  }
}

/** Removes a column with what depends on it: single-table constraints and indexes on it, as DROP COLUMN does. */
export function dropColumn(context: ApplyContext, table: TableModel, name: string): boolean {
  if (!table.columns.delete(name)) return false;
  const tableKey = `${table.schema}.${table.name}`;
  const removedIndexes = new Set<string>();
  for (const key of table.indexes) {
    const index = context.model.indexes.get(key);
    if (index?.columns.includes(name) || index?.include?.includes(name)) removedIndexes.add(key);
  }
  table.constraints = table.constraints.filter((constraint) => !constraint.columns.includes(name));
  for (const key of removedIndexes) context.model.indexes.delete(key);
  table.indexes = table.indexes.filter((key) => !removedIndexes.has(key));
  // Foreign keys elsewhere that referenced the column go too (DROP COLUMN ... CASCADE; without it the statement fails).
  for (const other of context.model.tables.values()) {
    other.constraints = other.constraints.filter(
      (constraint) => !(constraint.references?.table === tableKey && constraint.references.columns.includes(name)),
    );
  }
  return true;
}
