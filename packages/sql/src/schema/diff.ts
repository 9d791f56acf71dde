import { type ColumnChange, emptySchemaDiff, type SchemaDiff } from "./diff-types.js";
import type { ColumnModel, SchemaModel, SourceReference, TableModel } from "./types.js";

function keyOfTable(table: TableModel): string {
  return `${table.schema}.${table.name}`;
}

function sameSource(left: SourceReference | undefined, right: SourceReference | undefined): boolean {
  return (
    left?.file === right?.file &&
    left?.line === right?.line &&
    left?.column === right?.column &&
    left?.statementIndex === right?.statementIndex
  );
}

/** Pairs tables by key, then (for renames) by object id and creation place, which a rename keeps. */
function pairTables(
  before: SchemaModel,
  after: SchemaModel,
): { pairs: Array<[TableModel, TableModel]>; added: TableModel[]; dropped: TableModel[] } {
  const unmatched = new Map(before.tables);
  const pairs: Array<[TableModel, TableModel]> = [];
  const added: TableModel[] = [];
  for (const [key, table] of after.tables) {
    const same = unmatched.get(key);
    if (same !== undefined) {
      pairs.push([same, table]);
      unmatched.delete(key);
    } else added.push(table);
  }
  for (const table of [...added]) {
    const renamed = [...unmatched].find(
      ([, candidate]) =>
        table.objectId !== undefined && candidate.objectId === table.objectId && sameSource(candidate.createdAt, table.createdAt),
    );
    if (renamed === undefined) continue;
    pairs.push([renamed[1], table]);
    unmatched.delete(renamed[0]);
    added.splice(added.indexOf(table), 1);
  }
  return { pairs, added, dropped: [...unmatched.values()] };
}

function typeText(column: ColumnModel): string {
  const modifiers = column.typeModifiers.length > 0 ? `(${column.typeModifiers.join(",")})` : "";
  return `${column.type}${modifiers}${column.isArray ? "[]" : ""}`;
}

function columnChanges(before: ColumnModel, after: ColumnModel): ColumnChange[] {
  const pairs: Array<[ColumnChange["property"], string | boolean | null, string | boolean | null]> = [
    ["type", typeText(before), typeText(after)],
    ["notNull", before.notNull, after.notNull],
    ["default", before.defaultExpression ?? null, after.defaultExpression ?? null],
    ["generated", before.generatedExpression ?? before.generated ?? null, after.generatedExpression ?? after.generated ?? null],
    ["identity", before.identity ?? null, after.identity ?? null],
    ["collation", before.collation ?? null, after.collation ?? null],
    ["comment", before.comment ?? null, after.comment ?? null],
  ];
  return pairs
    .filter(([, left, right]) => left !== right)
    .map(([property, left, right]) => ({ property, before: left, after: right }));
}

function diffColumns(diff: SchemaDiff, table: string, before: TableModel, after: TableModel): void {
  const unmatched = new Map(before.columns);
  const added: ColumnModel[] = [];
  for (const [name, column] of after.columns) {
    const same = unmatched.get(name);
    if (same === undefined) {
      added.push(column);
      continue;
    }
    unmatched.delete(name);
    const changes = columnChanges(same, column);
    if (changes.length > 0) diff.columnsChanged.push({ table, column: name, changes });
  }
  for (const column of added) {
    const renamed = [...unmatched.values()].find(
      (candidate) => column.position !== undefined && candidate.position === column.position,
    );
    if (renamed === undefined) {
      diff.columnsAdded.push({ table, column: column.name, type: typeText(column) });
      continue;
    }
    unmatched.delete(renamed.name);
    diff.columnsRenamed.push({ table, from: renamed.name, to: column.name });
    const changes = columnChanges(renamed, column);
    if (changes.length > 0) diff.columnsChanged.push({ table, column: column.name, changes });
  }
  for (const column of unmatched.values()) diff.columnsDropped.push({ table, column: column.name });
}

function diffNamed<T extends { name?: string }>(beforeItems: T[], afterItems: T[]): { added: T[]; dropped: T[] } {
  const beforeNames = new Set(beforeItems.map((item) => item.name));
  const afterNames = new Set(afterItems.map((item) => item.name));
  return {
    added: afterItems.filter((item) => !beforeNames.has(item.name)),
    dropped: beforeItems.filter((item) => !afterNames.has(item.name)),
  };
}

function grantKey(grant: { grantee: string; columns?: string[] }, privilege: string): string {
  return `${grant.grantee}|${privilege}|${grant.columns?.join(",") ?? ""}`;
}

function diffTable(diff: SchemaDiff, before: TableModel, after: TableModel): void {
  const table = keyOfTable(after);
  diffColumns(diff, table, before, after);
  const constraints = diffNamed(before.constraints, after.constraints);
  for (const item of constraints.added) diff.constraintsAdded.push({ table, name: item.name ?? "", type: item.type });
  for (const item of constraints.dropped) diff.constraintsDropped.push({ table, name: item.name ?? "", type: item.type });
  for (const item of after.constraints) {
    const previous = before.constraints.find((candidate) => candidate.name === item.name);
    if (previous !== undefined && !previous.validated && item.validated)
      diff.constraintsValidated.push({ table, name: item.name ?? "" });
  }
  const policies = diffNamed(before.policies, after.policies);
  for (const item of policies.added) diff.policiesAdded.push({ table, name: item.name });
  for (const item of policies.dropped) diff.policiesDropped.push({ table, name: item.name });
  const triggers = diffNamed(before.triggers, after.triggers);
  for (const item of triggers.added) diff.triggersAdded.push({ table, name: item.name });
  for (const item of triggers.dropped) diff.triggersDropped.push({ table, name: item.name });
  for (const item of after.triggers) {
    const previous = before.triggers.find((candidate) => candidate.name === item.name);
    if (previous !== undefined && previous.enabled !== item.enabled)
      diff.triggersChanged.push({ table, name: item.name, enabled: item.enabled });
  }
  if (before.rowLevelSecurity !== after.rowLevelSecurity || before.forceRowLevelSecurity !== after.forceRowLevelSecurity) {
    diff.rowLevelSecurityChanged.push({ table, enabled: after.rowLevelSecurity, forced: after.forceRowLevelSecurity });
  }
  diffGrants(diff, table, before, after);
  if (before.comment !== after.comment) diff.commentsChanged.push({ table });
  for (const [name, column] of after.columns) {
    const previous = before.columns.get(name);
    if (previous !== undefined && previous.comment !== column.comment) diff.commentsChanged.push({ table, column: name });
  }
}

function diffGrants(diff: SchemaDiff, table: string, before: TableModel, after: TableModel): void {
  const beforeKeys = new Set(before.grants.flatMap((grant) => grant.privileges.map((privilege) => grantKey(grant, privilege))));
  const afterKeys = new Set(after.grants.flatMap((grant) => grant.privileges.map((privilege) => grantKey(grant, privilege))));
  const collect = (grants: TableModel["grants"], other: Set<string>, into: SchemaDiff["grantsAdded"]) => {
    for (const grant of grants) {
      const privileges = grant.privileges.filter((privilege) => !other.has(grantKey(grant, privilege)));
      if (privileges.length === 0) continue;
      into.push(
        grant.columns === undefined
          ? { table, grantee: grant.grantee, privileges }
          : { table, grantee: grant.grantee, privileges, columns: grant.columns },
      );
    }
  };
  collect(after.grants, beforeKeys, diff.grantsAdded);
  collect(before.grants, afterKeys, diff.grantsRevoked);
}

function keysDiff<T>(
  before: Map<string, T> | Set<string>,
  after: Map<string, T> | Set<string>,
): { added: string[]; dropped: string[] } {
  const beforeKeys = [...before.keys()];
  const afterKeys = [...after.keys()];
  return { added: afterKeys.filter((key) => !before.has(key)), dropped: beforeKeys.filter((key) => !after.has(key)) };
}

/**
 * What the migrations between two models changed: tables (renames told apart from drop + add),
 * columns, indexes, constraints, policies, triggers, RLS, grants, comments, functions, enums,
 * extensions, roles and schemas. Columns of added tables are not listed again.
 */
export function diffSchemaModels(before: SchemaModel, after: SchemaModel): SchemaDiff {
  const diff = emptySchemaDiff();
  const { pairs, added, dropped } = pairTables(before, after);
  diff.tablesAdded = added.map(keyOfTable);
  diff.tablesDropped = dropped.map(keyOfTable);
  for (const [previous, next] of pairs) {
    if (keyOfTable(previous) !== keyOfTable(next)) diff.tablesRenamed.push({ from: keyOfTable(previous), to: keyOfTable(next) });
    diffTable(diff, previous, next);
  }
  const indexes = keysDiff(before.indexes, after.indexes);
  diff.indexesAdded = indexes.added;
  diff.indexesDropped = indexes.dropped;
  const functions = keysDiff(before.functions, after.functions);
  diff.functionsAdded = functions.added;
  diff.functionsDropped = functions.dropped;
  for (const [key, routine] of after.functions) {
    const previous = before.functions.get(key);
    if (previous !== undefined && JSON.stringify(previous) !== JSON.stringify(routine)) diff.functionsChanged.push(key);
  }
  const enums = keysDiff(before.enums, after.enums);
  diff.enumsAdded = enums.added;
  diff.enumsDropped = enums.dropped;
  for (const [key, labels] of after.enums) {
    const previous = before.enums.get(key);
    const values = previous === undefined ? [] : labels.filter((label) => !previous.includes(label));
    if (values.length > 0) diff.enumValuesAdded.push({ type: key, values });
  }
  const extensions = keysDiff(before.extensions, after.extensions);
  diff.extensionsAdded = extensions.added;
  diff.extensionsDropped = extensions.dropped;
  const roles = keysDiff(before.roles, after.roles);
  diff.rolesAdded = roles.added;
  diff.rolesDropped = roles.dropped;
  const schemas = keysDiff(before.schemas, after.schemas);
  diff.schemasAdded = schemas.added;
  diff.schemasDropped = schemas.dropped;
  return diff;
}
