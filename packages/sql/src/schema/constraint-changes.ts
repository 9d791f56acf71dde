import type { Constraint } from "@pgsql/types";
import type { ApplyContext } from "./context.js";
import type { ConstraintModel, TableModel } from "./types.js";

/** Applies a trailing `DEFERRABLE`, `INITIALLY DEFERRED` or `NOT ENFORCED` to the constraint before it. */
export function applyConstraintAttribute(previous: ConstraintModel | undefined, constraint: Constraint): boolean {
  const tag = constraint.contype ?? "";
  if (!tag.startsWith("CONSTR_ATTR_")) return false;
  if (previous === undefined) return true;
  if (tag === "CONSTR_ATTR_DEFERRABLE") previous.deferrable = true;
  else if (tag === "CONSTR_ATTR_NOT_DEFERRABLE") previous.deferrable = false;
  else if (tag === "CONSTR_ATTR_DEFERRED") previous.initiallyDeferred = true;
  else if (tag === "CONSTR_ATTR_IMMEDIATE") previous.initiallyDeferred = false;
  else if (tag === "CONSTR_ATTR_NOT_ENFORCED") previous.enforced = false;
  else if (tag === "CONSTR_ATTR_ENFORCED") previous.enforced = true;
  return true;
}

/** Removes a constraint by name, with the index that backs it; returns whether one was found. */
export function dropConstraint(context: ApplyContext, table: TableModel, name: string): boolean {
  const position = table.constraints.findIndex((existing) => existing.name === name);
  if (position === -1) return false;
  const [removed] = table.constraints.splice(position, 1);
  if (removed?.index !== undefined) {
    const key = `${table.schema}.${removed.index}`;
    context.model.indexes.delete(key);
    table.indexes = table.indexes.filter((existing) => existing !== key);
  }
  // Dropping a primary key leaves its columns NOT NULL, as PostgreSQL does; only a dropped NOT NULL constraint clears it.
  if (removed?.type === "not_null") {
    for (const columnName of removed.columns) {
      const column = table.columns.get(columnName);
      if (column !== undefined) column.notNull = false;
    }
  }
  return true;
}
