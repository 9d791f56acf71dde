/** One property of a column that differs. */
export interface ColumnChange {
  property: "type" | "notNull" | "default" | "generated" | "identity" | "collation" | "comment";
  before: string | boolean | null;
  after: string | boolean | null;
}

/** What changed between two schema models; plain data (JSON-serialisable) for the diff phase of a run. */
export interface SchemaDiff {
  tablesAdded: string[];
  tablesDropped: string[];
  tablesRenamed: Array<{ from: string; to: string }>;
  columnsAdded: Array<{ table: string; column: string; type: string }>;
  columnsDropped: Array<{ table: string; column: string }>;
  columnsRenamed: Array<{ table: string; from: string; to: string }>;
  columnsChanged: Array<{ table: string; column: string; changes: ColumnChange[] }>;
  indexesAdded: string[];
  indexesDropped: string[];
  constraintsAdded: Array<{ table: string; name: string; type: string }>;
  constraintsDropped: Array<{ table: string; name: string; type: string }>;
  constraintsValidated: Array<{ table: string; name: string }>;
  policiesAdded: Array<{ table: string; name: string }>;
  policiesDropped: Array<{ table: string; name: string }>;
  triggersAdded: Array<{ table: string; name: string }>;
  triggersDropped: Array<{ table: string; name: string }>;
  triggersChanged: Array<{ table: string; name: string; enabled: boolean }>;
  rowLevelSecurityChanged: Array<{ table: string; enabled: boolean; forced: boolean }>;
  grantsAdded: Array<{ table: string; grantee: string; privileges: string[]; columns?: string[] }>;
  grantsRevoked: Array<{ table: string; grantee: string; privileges: string[]; columns?: string[] }>;
  commentsChanged: Array<{ table: string; column?: string }>;
  functionsAdded: string[];
  functionsDropped: string[];
  functionsChanged: string[];
  enumsAdded: string[];
  enumsDropped: string[];
  enumValuesAdded: Array<{ type: string; values: string[] }>;
  extensionsAdded: string[];
  extensionsDropped: string[];
  rolesAdded: string[];
  rolesDropped: string[];
  schemasAdded: string[];
  schemasDropped: string[];
}

/** An empty diff. */
export function emptySchemaDiff(): SchemaDiff {
  return {
    tablesAdded: [],
    tablesDropped: [],
    tablesRenamed: [],
    columnsAdded: [],
    columnsDropped: [],
    columnsRenamed: [],
    columnsChanged: [],
    indexesAdded: [],
    indexesDropped: [],
    constraintsAdded: [],
    constraintsDropped: [],
    constraintsValidated: [],
    policiesAdded: [],
    policiesDropped: [],
    triggersAdded: [],
    triggersDropped: [],
    triggersChanged: [],
    rowLevelSecurityChanged: [],
    grantsAdded: [],
    grantsRevoked: [],
    commentsChanged: [],
    functionsAdded: [],
    functionsDropped: [],
    functionsChanged: [],
    enumsAdded: [],
    enumsDropped: [],
    enumValuesAdded: [],
    extensionsAdded: [],
    extensionsDropped: [],
    rolesAdded: [],
    rolesDropped: [],
    schemasAdded: [],
    schemasDropped: [],
  };
}

/** Whether a diff records no change at all. */
export function isSchemaDiffEmpty(diff: SchemaDiff): boolean {
  return Object.values(diff).every((items: unknown[]) => items.length === 0);
}
