import type { AlterTableCmd, AlterTableStmt, ColumnDef, DefElem, Node, PartitionCmd } from "@pgsql/types";
import { alterTableCommandKind, alterTableCommands, commandConstraint } from "../classify/alter-table.js";
import { nodeOf } from "../schema/ast.js";
import { referenceFromRangeVar, relationKey } from "../relations.js";
import type { LockMode, RelationReference } from "../types.js";
import {
  analyzeAddColumn,
  analyzeAddConstraint,
  analyzeAttach,
  analyzeDetach,
  analyzeTypeChange,
  type CommandScope,
} from "./subcommands.js";
import type { AnalysisContext, Verdict } from "./verdict.js";

const SHARE_UPDATE_EXCLUSIVE_SUBCOMMANDS = new Set([
  "AT_SetStatistics",
  "AT_SetOptions",
  "AT_ResetOptions",
  "AT_ClusterOn",
  "AT_DropCluster",
  "AT_ValidateConstraint",
  "AT_DetachPartitionFinalize",
]);

const TRIGGER_SUBCOMMANDS = new Set([
  "AT_EnableTrig",
  "AT_EnableAlwaysTrig",
  "AT_EnableReplicaTrig",
  "AT_EnableTrigAll",
  "AT_EnableTrigUser",
  "AT_DisableTrig",
  "AT_DisableTrigAll",
  "AT_DisableTrigUser",
]);

/** Storage parameters PostgreSQL changes under ShareUpdateExclusiveLock (reloptions.c); any other takes AccessExclusiveLock. */
const LIGHT_STORAGE_PARAMETERS = new Set([
  "fillfactor",
  "parallel_workers",
  "toast_tuple_target",
  "vacuum_index_cleanup",
  "vacuum_truncate",
  "vacuum_max_eager_freeze_failure_rate",
  "log_autovacuum_min_duration",
]);

/** Subcommands that rewrite the table whatever their arguments. */
const REWRITING_SUBCOMMANDS: Record<string, string> = {
  AT_SetLogged: "SET LOGGED rewrites the table (it must be WAL-logged in full).",
  AT_SetUnLogged: "SET UNLOGGED rewrites the table.",
};

/** The locks, rewrite and scan of an ALTER TABLE (and ALTER INDEX/VIEW/SEQUENCE ... ) statement. */
export function analyzeAlterTable(
  statement: AlterTableStmt,
  relations: RelationReference[],
  context: AnalysisContext,
  verdict: Verdict,
): void {
  const target = referenceFromRangeVar(statement.relation, "target");
  const tableKey = target === undefined ? undefined : relationKey(target);
  for (const command of alterTableCommands(statement)) {
    verdict.lock(target, subcommandLock(command, context));
    analyzeCommand(command, { target, tableKey, relations, context, verdict, isIndex: statement.objtype === "OBJECT_INDEX" });
  }
}

/** The lock one subcommand takes on the altered table (AlterTableGetLockLevel). */
export function subcommandLock(command: AlterTableCmd, context: AnalysisContext): LockMode {
  const subtype = command.subtype ?? "";
  if (SHARE_UPDATE_EXCLUSIVE_SUBCOMMANDS.has(subtype)) return "ShareUpdateExclusiveLock";
  if (TRIGGER_SUBCOMMANDS.has(subtype)) return "ShareRowExclusiveLock";
  if (subtype === "AT_SetRelOptions" || subtype === "AT_ResetRelOptions") return storageParameterLock(command.def);
  if (subtype === "AT_AddConstraint" && commandConstraint(command)?.contype === "CONSTR_FOREIGN") return "ShareRowExclusiveLock";
  if (subtype === "AT_AttachPartition") return context.pgVersion >= 12 ? "ShareUpdateExclusiveLock" : "AccessExclusiveLock";
  if (subtype === "AT_DetachPartition" && nodeOf<PartitionCmd>(command.def, "PartitionCmd")?.concurrent === true) {
    return "ShareUpdateExclusiveLock";
  }
  return "AccessExclusiveLock";
}

function storageParameterLock(definition: Node | undefined): LockMode {
  const items = nodeOf<{ items?: Node[] }>(definition, "List")?.items ?? [];
  const light = items.every((item) => {
    const element = nodeOf<DefElem>(item, "DefElem");
    const name = element?.defname ?? "";
    return name.startsWith("autovacuum_") || LIGHT_STORAGE_PARAMETERS.has(name);
  });
  return light && items.length > 0 ? "ShareUpdateExclusiveLock" : "AccessExclusiveLock";
}

function analyzeCommand(command: AlterTableCmd, scope: CommandScope): void {
  const { verdict, context } = scope;
  const subtype = command.subtype ?? "";
  const rewriteNote = REWRITING_SUBCOMMANDS[subtype];
  if (rewriteNote !== undefined) {
    verdict.rewrite = true;
    verdict.note(rewriteNote);
  }
  switch (subtype) {
    case "AT_AddColumn":
      analyzeAddColumn(nodeOf<ColumnDef>(command.def, "ColumnDef"), scope);
      return;
    case "AT_AlterColumnType":
      analyzeTypeChange(command, scope);
      return;
    case "AT_SetNotNull":
      verdict.scan = true;
      verdict.note(
        context.pgVersion >= 12
          ? "SET NOT NULL scans the table under ACCESS EXCLUSIVE, unless a valid CHECK (column IS NOT NULL) constraint already proves it (PostgreSQL 12+)."
          : "SET NOT NULL scans the whole table under ACCESS EXCLUSIVE.",
      );
      return;
    case "AT_AddConstraint":
    case "AT_AddIndexConstraint":
      analyzeAddConstraint(commandConstraint(command), scope);
      return;
    case "AT_ValidateConstraint":
      verdict.scan = true;
      verdict.note(
        "VALIDATE CONSTRAINT scans the table under SHARE UPDATE EXCLUSIVE: reads and writes continue; for a foreign key the referenced table gets ROW SHARE.",
      );
      return;
    case "AT_DropConstraint":
      verdict.note("Dropping a foreign key also takes ACCESS EXCLUSIVE on the referenced table.");
      return;
    case "AT_SetExpression":
      verdict.rewrite = true;
      verdict.note("SET EXPRESSION recomputes a stored generated column: the table is rewritten (PostgreSQL 17+).");
      return;
    case "AT_AttachPartition":
      analyzeAttach(command, scope);
      return;
    case "AT_DetachPartition":
      analyzeDetach(command, scope);
      return;
    case "AT_DetachPartitionFinalize":
      verdict.transactional = false;
      return;
    case "AT_AddInherit":
    case "AT_DropInherit":
      // Adding a parent takes SHARE UPDATE EXCLUSIVE on it; removing one only reads it.
      for (const relation of scope.relations) {
        if (relation.role === "referenced") {
          verdict.lock(relation, subtype === "AT_AddInherit" ? "ShareUpdateExclusiveLock" : "AccessShareLock");
        }
      }
      return;
    case "AT_SetAccessMethod":
      moveStorage(command.name, "heap", "SET ACCESS METHOD (PostgreSQL 15+)", verdict);
      return;
    case "AT_SetTableSpace":
      moveStorage(command.name, "pg_default", "SET TABLESPACE", verdict);
      return;
    default:
      if (subtype.startsWith("AT_Enable") || subtype.startsWith("AT_Disable"))
        describeKind(alterTableCommandKind(command), verdict);
  }
}

/**
 * SET ACCESS METHOD and SET TABLESPACE copy the table, unless it is already there (a no-op). Tables
 * almost always start in the defaults (`heap`, `pg_default`), so moving to them is taken as a no-op.
 */
function moveStorage(destination: string | undefined, usual: string, what: string, verdict: Verdict): void {
  if (destination === usual) {
    verdict.note(`${what} to ${usual}: no rewrite when the table is already there (the usual case); otherwise it is copied.`);
    return;
  }
  verdict.rewrite = true;
  verdict.note(`${what} copies the table and its indexes to the new storage: the time grows with its size.`);
}

function describeKind(kind: string, verdict: Verdict): void {
  if (kind === "enable_rls" || kind === "force_rls")
    verdict.note("Row level security takes effect at once: queries without a matching policy see no rows.");
}
