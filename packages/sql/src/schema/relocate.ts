import type { SchemaModel, TableModel } from "./types.js";

/**
 * Moves a table to a new key (RENAME, SET SCHEMA) and rewrites every reference PostgreSQL keeps by
 * OID: its indexes (which follow it to the new schema), foreign keys pointing at it, partition and
 * inheritance parents.
 */
export function relocateTable(model: SchemaModel, table: TableModel, schema: string, name: string): void {
  const oldKey = `${table.schema}.${table.name}`;
  const newKey = `${schema}.${name}`;
  if (oldKey === newKey || model.tables.has(newKey)) return;
  model.tables.delete(oldKey);
  const schemaChanged = table.schema !== schema;
  table.schema = schema;
  table.name = name;
  model.tables.set(newKey, table);
  table.indexes = table.indexes.map((indexKey) => {
    const index = model.indexes.get(indexKey);
    if (index === undefined) return indexKey;
    index.table = newKey;
    if (!schemaChanged) return indexKey;
    model.indexes.delete(indexKey);
    const movedKey = `${schema}.${index.name}`;
    model.indexes.set(movedKey, index);
    return movedKey;
  });
  for (const other of model.tables.values()) {
    for (const constraint of other.constraints) {
      if (constraint.references?.table === oldKey) constraint.references.table = newKey;
    }
    if (other.partitionOf === oldKey) other.partitionOf = newKey;
    if (other.inherits?.includes(oldKey)) other.inherits = other.inherits.map((key) => (key === oldKey ? newKey : key));
  }
}

/** Renames a column everywhere the catalog refers to it by number: constraints, indexes, triggers, foreign keys elsewhere. */
export function renameColumn(model: SchemaModel, table: TableModel, from: string, to: string): void {
  const column = table.columns.get(from);
  if (column === undefined || table.columns.has(to)) return;
  // Rebuild the map so the column keeps its place in iteration order.
  table.columns = new Map([...table.columns].map(([key, value]) => (key === from ? [to, value] : [key, value])));
  column.name = to;
  const rename = (names: string[]) => names.map((name) => (name === from ? to : name));
  for (const constraint of table.constraints) constraint.columns = rename(constraint.columns);
  for (const key of table.indexes) {
    const index = model.indexes.get(key);
    if (index === undefined) continue;
    index.columns = rename(index.columns);
    if (index.include !== undefined) index.include = rename(index.include);
  }
  for (const trigger of table.triggers) if (trigger.columns !== undefined) trigger.columns = rename(trigger.columns);
  for (const grant of table.grants) if (grant.columns !== undefined) grant.columns = rename(grant.columns);
  const tableKey = `${table.schema}.${table.name}`;
  for (const other of model.tables.values()) {
    for (const constraint of other.constraints) {
      if (constraint.references?.table === tableKey) constraint.references.columns = rename(constraint.references.columns);
    }
  }
}

/** Removes a table with its indexes, its partitions, and foreign keys elsewhere that point at it. */
export function removeTable(model: SchemaModel, key: string): void {
  const table = model.tables.get(key);
  if (table === undefined) return;
  model.tables.delete(key);
  for (const indexKey of table.indexes) model.indexes.delete(indexKey);
  for (const [otherKey, other] of [...model.tables]) {
    if (other.partitionOf === key) removeTable(model, otherKey);
    other.constraints = other.constraints.filter((constraint) => constraint.references?.table !== key);
    if (other.inherits?.includes(key)) other.inherits = other.inherits.filter((parent) => parent !== key);
  }
}
