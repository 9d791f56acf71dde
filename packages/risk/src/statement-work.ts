import type { StatementAnalysis } from "@confiture/sql";
import type { IndexBuild, KeyShape, OperationClass, Work } from "./cost-model.js";
import { classifyOperation } from "./operations.js";
import { keyShapeOf, type TypedColumns } from "./key-shapes.js";
import { childNodes, field, nodeOf, relationOf, strings } from "./node-access.js";
import type { TableStatistics } from "./table-statistics.js";

/** One costed part of a statement: an ALTER TABLE may build an index and check a foreign key at once. */
export interface StatementPart {
  operation: OperationClass;
  work: Work;
  /** The table whose size drives this part. */
  relation: string | undefined;
}

/** What the work of a statement is computed from. */
export interface WorkContext {
  analysis: StatementAnalysis;
  node: unknown;
  statistics: (relation: string) => TableStatistics;
  /** Column types the migrations declared before this statement (`relation\u0000column`). */
  declaredTypes: TypedColumns;
  /** The table a foreign key constraint references, from the migrations or the catalog. */
  foreignKeyTarget: (relation: string, constraint: string) => string | undefined;
  /** Rows the planner expects a DML statement to change, when a database could tell. */
  touchedRows: number | undefined;
}

const emptyWork = (table: TableStatistics | undefined): Work => ({
  rows: table?.rowEstimate ?? 0,
  heapBytes: table?.tableBytes ?? 0,
  toastBytes: table?.toastBytes ?? 0,
  builds: [],
});

/** The indexes a rewrite rebuilds: from the catalog, else as many 8-byte keys as the index bytes suggest. */
function existingIndexes(table: TableStatistics, context: WorkContext): IndexBuild[] {
  if (table.indexes !== undefined) {
    return table.indexes.map((index) => ({
      method: index.method,
      keys: index.columns.map((column) => keyShapeOf(table, column, undefined, context.declaredTypes)),
    }));
  }
  const perIndex = Math.max(1, table.rowEstimate) * 20;
  const count = table.indexBytes > 0 ? Math.max(1, Math.round(table.indexBytes / perIndex)) : 0;
  const key: KeyShape = { width: 8, collated: false, presorted: false };
  return Array.from({ length: count }, () => ({ method: "btree", keys: [key] }));
}

function indexStatementBuild(node: Record<string, unknown>, table: TableStatistics, context: WorkContext): IndexBuild {
  const keys = childNodes(node.indexParams).map((parameter) => {
    const element = nodeOf(parameter, "IndexElem") ?? {};
    const collation = strings(element.collation).at(-1);
    const column = typeof element.name === "string" ? element.name : null;
    return keyShapeOf(table, column, collation, context.declaredTypes);
  });
  return { method: typeof node.accessMethod === "string" ? node.accessMethod : "btree", keys };
}

const rowCountOfValues = (insert: Record<string, unknown>): number | undefined => {
  const select = nodeOf(insert.selectStmt, "SelectStmt");
  const lists = select?.valuesLists;
  return Array.isArray(lists) ? lists.length : undefined;
};

function alterTableParts(node: Record<string, unknown>, table: TableStatistics, relation: string, context: WorkContext) {
  const parts: StatementPart[] = [];
  for (const command of childNodes(node.cmds).map((child) => nodeOf(child, "AlterTableCmd") ?? {})) {
    const constraint = nodeOf(command.def, "Constraint");
    if (command.subtype === "AT_AddConstraint" && constraint !== undefined) {
      const type = constraint.contype;
      if ((type === "CONSTR_PRIMARY" || type === "CONSTR_UNIQUE") && constraint.indexname === undefined) {
        const keys = strings(constraint.keys).map((column) => keyShapeOf(table, column, undefined, context.declaredTypes));
        parts.push({ operation: "index_build", relation, work: { ...emptyWork(table), builds: [{ method: "btree", keys }] } });
      } else if (type === "CONSTR_FOREIGN" && constraint.skip_validation !== true) {
        const parent = relationOf(constraint.pktable);
        parts.push({ operation: "validate_foreign_key", relation, work: foreignKeyWork(table, parent, context) });
      } else if (type === "CONSTR_CHECK" && constraint.skip_validation !== true) {
        parts.push({ operation: "validate", relation, work: emptyWork(table) });
      }
    } else if (command.subtype === "AT_ValidateConstraint" && typeof command.name === "string") {
      const parent = context.foreignKeyTarget(relation, command.name);
      parts.push(
        parent === undefined
          ? { operation: "validate", relation, work: emptyWork(table) }
          : { operation: "validate_foreign_key", relation, work: foreignKeyWork(table, parent, context) },
      );
    } else if (command.subtype === "AT_SetNotNull") {
      parts.push({ operation: "validate", relation, work: emptyWork(table) });
    }
  }
  return parts;
}

function foreignKeyWork(table: TableStatistics, parent: string | undefined, context: WorkContext): Work {
  const referenced = parent === undefined ? undefined : context.statistics(parent);
  return {
    ...emptyWork(table),
    referenced: { rows: referenced?.rowEstimate ?? 0, heapBytes: referenced?.tableBytes ?? 0 },
  };
}

/**
 * The costed parts of a statement, read from its parsed node and the lock model's verdict: a rewrite
 * (copying heap and TOAST and rebuilding every index), index builds with their keys, CHECK and NOT
 * NULL scans, foreign key checks against the referenced table, DML by the rows it changes; anything
 * else is a catalog change.
 */
export function statementParts(context: WorkContext): StatementPart[] {
  const { analysis } = context;
  const fallback = classifyOperation(analysis);
  const target = relationOf(field(context.node, "relation")) ?? analysis.locks[0]?.relation;
  const table = target === undefined ? undefined : context.statistics(target);
  const tag = context.node !== null && typeof context.node === "object" ? Object.keys(context.node)[0] : undefined;
  const node = (tag === undefined ? {} : ((context.node as Record<string, unknown>)[tag] ?? {})) as Record<string, unknown>;
  if (table === undefined || target === undefined) return [{ operation: fallback, relation: target, work: emptyWork(table) }];

  if (analysis.rewrite) {
    return [{ operation: "rewrite", relation: target, work: { ...emptyWork(table), builds: existingIndexes(table, context) } }];
  }
  if (tag === "IndexStmt") {
    const operation = analysis.transactional && node.concurrent !== true ? "index_build" : "concurrent_index_build";
    return [{ operation, relation: target, work: { ...emptyWork(table), builds: [indexStatementBuild(node, table, context)] } }];
  }
  if (tag === "ReindexStmt") {
    // REINDEX TABLE rebuilds every index of the table (REINDEX INDEX one of them: priced as all, the safe side).
    const operation = analysis.transactional ? "index_build" : "concurrent_index_build";
    return [{ operation, relation: target, work: { ...emptyWork(table), builds: existingIndexes(table, context) } }];
  }
  if (tag === "UpdateStmt" || tag === "DeleteStmt" || tag === "InsertStmt" || tag === "MergeStmt") {
    const touched = context.touchedRows ?? (tag === "InsertStmt" ? rowCountOfValues(node) : undefined) ?? table.rowEstimate;
    const indexCount = existingIndexes(table, context).length;
    return [
      {
        operation: "dml",
        relation: target,
        work: {
          ...emptyWork(table),
          touchedRows: touched,
          indexEntries: tag === "DeleteStmt" ? 0 : touched * indexCount,
          deletedToastBytes: tag === "DeleteStmt" && table.rowEstimate > 0 ? (touched / table.rowEstimate) * table.toastBytes : 0,
        },
      },
    ];
  }
  if (tag === "AlterTableStmt") {
    const parts = alterTableParts(node, table, target, context);
    if (parts.length > 0) return parts;
  }
  return [{ operation: fallback, relation: target, work: emptyWork(table) }];
}

/** Key columns an index statement or constraint names, so their declared types can be looked up. */
export function keyColumnsOf(node: unknown): { relation: string; column: string }[] {
  const relation = relationOf(field(node, "relation"));
  if (relation === undefined) return [];
  const index = nodeOf(node, "IndexStmt");
  const columns: string[] = [];
  if (index !== undefined) {
    for (const parameter of childNodes(index.indexParams)) {
      const name = nodeOf(parameter, "IndexElem")?.name;
      if (typeof name === "string") columns.push(name);
    }
  }
  const alter = nodeOf(node, "AlterTableStmt");
  for (const command of childNodes(alter?.cmds))
    columns.push(...strings(nodeOf(nodeOf(command, "AlterTableCmd")?.def, "Constraint")?.keys));
  return columns.map((column) => ({ relation, column }));
}
