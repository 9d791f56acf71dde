import type {
  DefElem,
  TypeName,
  AlterTableStmt,
  CreateStmt,
  CreateTrigStmt,
  DropStmt,
  Node,
  PartitionCmd,
  RangeVar,
  ReindexStmt,
  TruncateStmt,
} from "@pgsql/types";
import { alterTableCommands } from "../classify/alter-table.js";
import { parseTree } from "../parser.js";
import { queryRelations, referenceFromNames } from "../relations.js";
import { nodeOf, qualifiedNameOf } from "../schema/ast.js";
import type { SchemaModel, TableModel } from "../schema/types.js";
import type { LockMode } from "../types.js";
import {
  defaultPartitionOf,
  partitionsOf,
  referencedTables,
  referenceOfKey,
  referencingTables,
  sequenceOfColumn,
  tableOf,
  tableOfIndex,
} from "./related-relations.js";
import type { Analyzer } from "./statement-scope.js";
import type { AnalysisContext, Verdict } from "./verdict.js";

/*
 * Locks on relations a statement does not name, found in the schema model (measured on PostgreSQL 15
 * and checked by the lock model test against every relation in pg_locks).
 */

const keyOf = (table: TableModel) => `${table.schema}.${table.name}`;

function lockTable(verdict: Verdict, table: TableModel | undefined, mode: LockMode): void {
  if (table !== undefined) verdict.lock(referenceOfKey(keyOf(table)), mode);
}

const fromRangeVar = (schema: SchemaModel | undefined, relation: RangeVar | undefined) =>
  relation?.relname === undefined
    ? undefined
    : tableOf(
        schema,
        relation.schemaname === undefined ? { name: relation.relname } : { schema: relation.schemaname, name: relation.relname },
      );

/** Tables reached from `start` through foreign keys that reference them, `start` excluded (TRUNCATE/DROP ... CASCADE). */
function cascadeClosure(schema: SchemaModel, start: readonly TableModel[]): TableModel[] {
  const seen = new Set(start.map(keyOf));
  const found: TableModel[] = [];
  const queue = [...start];
  while (queue.length > 0) {
    const table = queue.shift() as TableModel;
    for (const referencing of referencingTables(schema, table)) {
      if (seen.has(keyOf(referencing))) continue;
      seen.add(keyOf(referencing));
      found.push(referencing);
      queue.push(referencing);
    }
  }
  return found;
}

/** ALTER TABLE subcommands that lock partitions, referenced tables or sequences. */
export function lockUnnamedForAlterTable(statement: AlterTableStmt, context: AnalysisContext, verdict: Verdict): void {
  const schema = context.schema;
  for (const command of alterTableCommands(statement)) {
    // OF a composite type reads the type's relation.
    if (command.subtype === "AT_AddOf")
      verdict.lock(referenceFromNames(nodeOf<TypeName>(command.def, "TypeName")?.names, "referenced"), "AccessShareLock");
  }
  if (schema === undefined || statement.relation?.relname === undefined) return;
  if (statement.objtype === "OBJECT_INDEX") {
    // ALTER INDEX ... ATTACH PARTITION reads both indexes' tables.
    for (const command of alterTableCommands(statement)) {
      if (command.subtype !== "AT_AttachPartition") continue;
      const partition = nodeOf<PartitionCmd>(command.def, "PartitionCmd")?.name;
      for (const index of [statement.relation, partition]) {
        if (index?.relname === undefined) continue;
        const name = index.schemaname === undefined ? { name: index.relname } : { schema: index.schemaname, name: index.relname };
        lockTable(verdict, tableOfIndex(schema, name), "AccessShareLock");
      }
    }
    return;
  }
  const table = fromRangeVar(schema, statement.relation);
  if (table === undefined) return;
  for (const command of alterTableCommands(statement)) {
    switch (command.subtype) {
      case "AT_AttachPartition": {
        const fallback = defaultPartitionOf(schema, table);
        lockTable(verdict, fallback, "AccessExclusiveLock");
        if (fallback !== undefined)
          verdict.note(
            `ATTACH PARTITION also takes ACCESS EXCLUSIVE on the DEFAULT partition ${fallback.name} and scans it for rows that belong to the new partition.`,
          );
        break;
      }
      case "AT_DetachPartition": {
        const partitionCommand = nodeOf<PartitionCmd>(command.def, "PartitionCmd");
        if (partitionCommand?.concurrent === true) {
          lockTable(verdict, fromRangeVar(schema, partitionCommand.name), "AccessExclusiveLock");
          verdict.note(
            "DETACH PARTITION CONCURRENTLY waits for ACCESS EXCLUSIVE on the partition in its second phase: it queues behind every transaction using it.",
          );
        } else lockTable(verdict, defaultPartitionOf(schema, table), "AccessExclusiveLock");
        break;
      }
      case "AT_DropConstraint": {
        const constraint = table.constraints.find((candidate) => candidate.name === command.name);
        if (constraint?.type === "foreign_key") {
          for (const referenced of referencedTables(schema, table, command.name))
            lockTable(verdict, referenced, "AccessExclusiveLock");
        }
        if (command.behavior === "DROP_CASCADE" && (constraint?.type === "primary_key" || constraint?.type === "unique")) {
          for (const referencing of referencingTables(schema, table)) lockTable(verdict, referencing, "AccessExclusiveLock");
        }
        break;
      }
      case "AT_ValidateConstraint": {
        for (const referenced of referencedTables(schema, table, command.name)) lockTable(verdict, referenced, "RowShareLock");
        break;
      }
      case "AT_SetIdentity":
        verdict.lock(command.name === undefined ? undefined : sequenceOfColumn(table, command.name), "ShareRowExclusiveLock");
        break;
      case "AT_AlterColumnType": {
        const column = command.name === undefined ? undefined : table.columns.get(command.name);
        const sequence = command.name === undefined ? undefined : sequenceOfColumn(table, command.name);
        // An identity sequence changes type with its column; a serial one is only read.
        verdict.lock(sequence, column?.identity === undefined ? "AccessShareLock" : "ShareRowExclusiveLock");
        break;
      }
      default:
        break;
    }
  }
}

function droppedObjects(statement: DropStmt): Array<{ schema?: string; name: string }> {
  return (statement.objects ?? []).flatMap((object: Node) => {
    const name = qualifiedNameOf(nodeOf<{ items?: Node[] }>(object, "List")?.items);
    return name === undefined ? [] : [name];
  });
}

/** Statements other than ALTER TABLE, by node tag. */
export const UNNAMED_RELATION_ANALYZERS: Record<string, Analyzer> = {
  CreateStmt: (payload, scope) => {
    const statement = payload as CreateStmt;
    const schema = scope.context.schema;
    if (schema === undefined || statement.partbound === undefined || statement.partbound.is_default === true) return;
    const parent = fromRangeVar(schema, nodeOf<RangeVar>(statement.inhRelations?.[0], "RangeVar"));
    const fallback = parent === undefined ? undefined : defaultPartitionOf(schema, parent);
    lockTable(scope.verdict, fallback, "AccessExclusiveLock");
  },
  CreateTrigStmt: (payload, scope) => {
    const statement = payload as CreateTrigStmt;
    const schema = scope.context.schema;
    const table = fromRangeVar(schema, statement.relation);
    if (schema === undefined || table?.kind !== "partitioned_table" || statement.row !== true) return;
    for (const partition of partitionsOf(schema, table)) lockTable(scope.verdict, partition, "ShareRowExclusiveLock");
    scope.verdict.note("A row trigger on a partitioned table is created on every partition: each is locked too.");
  },
  TruncateStmt: (payload, scope) => {
    const statement = payload as TruncateStmt;
    const schema = scope.context.schema;
    if (schema === undefined) return;
    const targets = (statement.relations ?? []).flatMap((node) => {
      const table = fromRangeVar(schema, nodeOf<RangeVar>(node, "RangeVar"));
      return table === undefined ? [] : [table];
    });
    const withPartitions = targets.flatMap((table) => [table, ...partitionsOf(schema, table)]);
    const cascaded = statement.behavior === "DROP_CASCADE" ? cascadeClosure(schema, withPartitions) : [];
    for (const table of [...withPartitions, ...cascaded]) lockTable(scope.verdict, table, "AccessExclusiveLock");
    if (cascaded.length > 0)
      scope.verdict.note(
        `TRUNCATE ... CASCADE also empties ${cascaded.map((table) => table.name).join(", ")} under ACCESS EXCLUSIVE.`,
      );
  },
  DropStmt: (payload, scope) => {
    const statement = payload as DropStmt;
    const schema = scope.context.schema;
    if (schema === undefined) return;
    if (statement.removeType === "OBJECT_INDEX") {
      for (const index of droppedObjects(statement)) {
        lockTable(
          scope.verdict,
          tableOfIndex(schema, index),
          statement.concurrent === true ? "ShareUpdateExclusiveLock" : "AccessExclusiveLock",
        );
      }
      return;
    }
    if (statement.removeType !== "OBJECT_TABLE") return;
    const tables = droppedObjects(statement).flatMap((name) => {
      const table = tableOf(schema, name);
      return table === undefined ? [] : [table, ...partitionsOf(schema, table)];
    });
    const dropped = new Set(tables.map(keyOf));
    for (const table of tables) {
      lockTable(scope.verdict, table, "AccessExclusiveLock");
      // Their foreign keys' triggers live on the referenced tables too.
      for (const referenced of referencedTables(schema, table)) {
        if (!dropped.has(keyOf(referenced))) lockTable(scope.verdict, referenced, "AccessExclusiveLock");
      }
      if (statement.behavior === "DROP_CASCADE") {
        for (const referencing of referencingTables(schema, table)) {
          if (!dropped.has(keyOf(referencing))) lockTable(scope.verdict, referencing, "AccessExclusiveLock");
        }
      }
    }
  },
  RefreshMatViewStmt: (payload, scope) => {
    // The view's query reads its tables again.
    const view = fromRangeVar(scope.context.schema, (payload as { relation?: RangeVar }).relation);
    if (view?.query === undefined) return;
    try {
      for (const relation of queryRelations(parseTree(view.query).stmts?.[0]?.stmt))
        scope.verdict.lock(relation, "AccessShareLock");
    } catch {
      // A query the parser does not take back: its tables stay unknown.
    }
  },
  VacuumStmt: (payload, scope) => {
    // ANALYZE without a table analyses every table and materialized view of the database.
    const schema = scope.context.schema;
    if (schema === undefined || payload.is_vacuumcmd === true || (payload.rels as Node[] | undefined)?.length) return;
    for (const table of schema.tables.values()) {
      if (table.kind === "table" || table.kind === "materialized_view" || table.kind === "partitioned_table")
        lockTable(scope.verdict, table, "ShareUpdateExclusiveLock");
    }
  },
  CreateSeqStmt: (payload, scope) => {
    // OWNED BY reads the owning table.
    for (const option of (payload.options as Node[] | undefined) ?? []) {
      const element = nodeOf<DefElem>(option, "DefElem");
      if (element?.defname !== "owned_by") continue;
      const names = nodeOf<{ items?: Node[] }>(element.arg, "List")?.items ?? [];
      if (names.length >= 2) scope.verdict.lock(referenceFromNames(names.slice(0, -1), "referenced"), "AccessShareLock");
    }
  },
  ReindexStmt: (payload, scope) => {
    const statement = payload as ReindexStmt;
    const schema = scope.context.schema;
    if (schema === undefined || scope.kind === "reindex_concurrently" || statement.relation?.relname === undefined) return;
    const relation = statement.relation;
    const name =
      relation.schemaname === undefined
        ? { name: relation.relname as string }
        : { schema: relation.schemaname, name: relation.relname as string };
    if (statement.kind === "REINDEX_OBJECT_INDEX") {
      lockTable(scope.verdict, tableOfIndex(schema, name), "ShareLock");
      return;
    }
    const table = tableOf(schema, name);
    if (statement.kind !== "REINDEX_OBJECT_TABLE" || table === undefined) return;
    for (const index of table.indexes) scope.verdict.lock(referenceOfKey(index), "AccessExclusiveLock");
  },
};
