import type { Node } from "@pgsql/types";

type Untyped = Record<string, unknown>;

/** `name` and `schema.name` (schema defaulting to `public`) of a RangeVar, the keys rules look tables up by. */
function keysOf(relation: Untyped | undefined): string[] {
  if (relation === undefined || typeof relation.relname !== "string") return [];
  const schema = typeof relation.schemaname === "string" ? relation.schemaname : "public";
  return [relation.relname, `${schema}.${relation.relname}`];
}

/**
 * The tables a statement certainly creates, as `name` and `schema.name`. `IF NOT EXISTS` creates
 * nothing when the table is already there, maybe with rows and readers: such a table is not new.
 */
export function createdTables(node: Node | undefined): string[] {
  if (node === undefined) return [];
  const untyped = node as unknown as Untyped;
  const create = untyped.CreateStmt as Untyped | undefined;
  if (create !== undefined) return create.if_not_exists === true ? [] : keysOf(create.relation as Untyped | undefined);
  const createAs = untyped.CreateTableAsStmt as Untyped | undefined;
  if (createAs === undefined || createAs.if_not_exists === true) return [];
  return keysOf((createAs.into as Untyped | undefined)?.rel as Untyped | undefined);
}

/** The tables a statement creates with no rows: CREATE TABLE, or CREATE TABLE AS ... WITH NO DATA. */
export function createdEmptyTables(node: Node | undefined): string[] {
  const createAs = (node as unknown as Untyped | undefined)?.CreateTableAsStmt as Untyped | undefined;
  if (createAs !== undefined && (createAs.into as Untyped | undefined)?.skipData !== true) return [];
  return createdTables(node);
}

/** Statement nodes that put rows into (or change rows of) their `relation`. */
const WRITES = ["InsertStmt", "UpdateStmt", "MergeStmt"];

/**
 * The tables a statement may put rows into: INSERT, UPDATE and MERGE anywhere in it (data-modifying
 * CTEs included) and COPY ... FROM. Counted without asking how many rows: a table that may hold rows
 * is not empty.
 */
export function filledTables(node: Node | undefined): string[] {
  const found: string[] = [];
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    const record = value as Untyped;
    for (const key of WRITES) {
      const write = record[key] as Untyped | undefined;
      if (write !== undefined) for (const name of keysOf(write.relation as Untyped | undefined)) found.push(name);
    }
    const copy = record.CopyStmt as Untyped | undefined;
    if (copy?.is_from === true) for (const name of keysOf(copy.relation as Untyped | undefined)) found.push(name);
    for (const field of Object.values(record)) if (field !== null && typeof field === "object") stack.push(field);
  }
  return found;
}

/**
 * The tables created in one file, in two sets: `created` (nobody else sees them yet, so their locks
 * block nobody) and `empty` (created with no rows and none written since, so nothing can fail on or
 * rewrite existing rows). An INSERT makes a table leave `empty` but not `created`.
 */
export class NewTables {
  readonly created = new Set<string>();
  readonly empty = new Set<string>();

  /** Records what a statement did, after the rules have seen it. */
  apply(node: Node | undefined): void {
    for (const name of filledTables(node)) this.empty.delete(name);
    for (const name of createdTables(node)) this.created.add(name);
    for (const name of createdEmptyTables(node)) this.empty.add(name);
  }
}
