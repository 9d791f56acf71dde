import type { AlterTableCmd, AlterTableStmt, ColumnDef, Constraint, DefElem, Node, PartitionCmd } from "@pgsql/types";
import { alterTableCommandKind, alterTableCommands, commandConstraint } from "../classify/alter-table.js";
import { nodeOf } from "../schema/ast.js";
import { referenceFromRangeVar, relationKey } from "../relations.js";
import type { LockMode, RelationReference } from "../types.js";
import { isVolatileExpression } from "../volatility.js";
import { columnTypeOf, isSerialType, typeChangeVerdict } from "./column-types.js";
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

interface CommandScope {
  target: RelationReference | undefined;
  tableKey: string | undefined;
  relations: RelationReference[];
  context: AnalysisContext;
  verdict: Verdict;
  isIndex: boolean;
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

function analyzeAddColumn(column: ColumnDef | undefined, scope: CommandScope): void {
  const { verdict, context } = scope;
  if (column === undefined) return;
  const constraints = (column.constraints ?? []).flatMap((node) => {
    const constraint = nodeOf<Constraint>(node, "Constraint");
    return constraint === undefined ? [] : [constraint];
  });
  const defaultConstraint = constraints.find((constraint) => constraint.contype === "CONSTR_DEFAULT");
  const generated = constraints.find((constraint) => constraint.contype === "CONSTR_GENERATED");
  const identity = constraints.find((constraint) => constraint.contype === "CONSTR_IDENTITY");
  const hasDefault =
    defaultConstraint?.raw_expr !== undefined &&
    nodeOf<{ isnull?: boolean }>(defaultConstraint.raw_expr, "A_Const")?.isnull !== true;
  if (generated !== undefined) {
    const virtual = generated.generated_kind === "v" && context.pgVersion >= 18;
    if (virtual) verdict.note("A VIRTUAL generated column is computed on read: no rewrite (PostgreSQL 18+).");
    else {
      verdict.rewrite = true;
      verdict.note("A STORED generated column is computed for every row: the table is rewritten.");
    }
  } else if (identity !== undefined || isSerialType(column.typeName)) {
    verdict.rewrite = true;
    verdict.note("An identity or serial column takes a value from a sequence for every existing row: the table is rewritten.");
  } else if (hasDefault && isVolatileExpression(defaultConstraint?.raw_expr)) {
    verdict.rewrite = true;
    verdict.note("A volatile DEFAULT is evaluated for every existing row: the table is rewritten.");
  } else if (hasDefault) {
    verdict.note("A non-volatile DEFAULT is stored in the catalog: no rewrite (PostgreSQL 11+).");
  }
  const notNull = constraints.some(
    (constraint) => constraint.contype === "CONSTR_NOTNULL" || constraint.contype === "CONSTR_PRIMARY",
  );
  if (notNull && !hasDefault && generated === undefined && identity === undefined) {
    verdict.scan = true;
    verdict.note("NOT NULL without a DEFAULT fails unless the table is empty.");
  }
  for (const constraint of constraints) {
    if (constraint.contype === "CONSTR_CHECK" || constraint.contype === "CONSTR_FOREIGN") {
      if (hasDefault || verdict.rewrite) verdict.scan = true;
    }
    if (constraint.contype === "CONSTR_UNIQUE" || constraint.contype === "CONSTR_PRIMARY") {
      verdict.scan = true;
      verdict.note("An inline UNIQUE or PRIMARY KEY builds an index under ACCESS EXCLUSIVE.");
    }
    if (constraint.contype === "CONSTR_FOREIGN") lockReferenced(constraint, scope, "ShareRowExclusiveLock");
  }
  if (verdict.rewrite) verdict.scan = true;
}

function analyzeTypeChange(command: AlterTableCmd, scope: CommandScope): void {
  const { verdict, context } = scope;
  const definition = nodeOf<ColumnDef>(command.def, "ColumnDef");
  const to = columnTypeOf(definition?.typeName);
  if (to === undefined) return;
  const using = definition?.raw_default;
  const usingColumn = nodeOf<{ fields?: Node[] }>(using, "ColumnRef");
  if (using !== undefined && usingColumn === undefined) {
    verdict.rewrite = true;
    verdict.scan = true;
    verdict.note("A USING expression is evaluated for every row: the table is rewritten.");
    return;
  }
  const from =
    scope.tableKey === undefined || command.name === undefined ? undefined : context.columnType?.(scope.tableKey, command.name);
  const change = typeChangeVerdict(from, to, context);
  verdict.note(change.note);
  if (change.rewrite) {
    verdict.rewrite = true;
    verdict.scan = true;
  }
}

function analyzeAddConstraint(constraint: Constraint | undefined, scope: CommandScope): void {
  const { verdict, context } = scope;
  if (constraint === undefined) return;
  const notValid = constraint.skip_validation === true;
  if (constraint.indexname !== undefined) {
    for (const relation of scope.relations)
      if (relation.objectType === "index") verdict.lock(relation, "ShareUpdateExclusiveLock");
    verdict.note(
      "USING INDEX turns an existing index into the constraint without a scan (a PRIMARY KEY still needs its columns NOT NULL).",
    );
    return;
  }
  switch (constraint.contype) {
    case "CONSTR_FOREIGN":
      lockReferenced(constraint, scope, "ShareRowExclusiveLock");
      verdict.note("ADD FOREIGN KEY takes SHARE ROW EXCLUSIVE on both tables: writes to either wait.");
      if (notValid) verdict.note("NOT VALID skips the scan; run VALIDATE CONSTRAINT later (SHARE UPDATE EXCLUSIVE).");
      else verdict.scan = true;
      return;
    case "CONSTR_CHECK":
    case "CONSTR_NOTNULL":
      if (notValid) verdict.note("NOT VALID skips the scan; run VALIDATE CONSTRAINT later (SHARE UPDATE EXCLUSIVE).");
      else {
        verdict.scan = true;
        verdict.note(
          "The constraint is checked against every row under ACCESS EXCLUSIVE; add it NOT VALID and validate separately.",
        );
      }
      if (constraint.contype === "CONSTR_NOTNULL" && context.pgVersion < 18)
        verdict.note("ADD CONSTRAINT ... NOT NULL needs PostgreSQL 18.");
      return;
    case "CONSTR_UNIQUE":
    case "CONSTR_PRIMARY":
    case "CONSTR_EXCLUSION":
      verdict.scan = true;
      verdict.note(
        "The constraint builds its index under ACCESS EXCLUSIVE; build it with CREATE UNIQUE INDEX CONCURRENTLY and add it USING INDEX.",
      );
      return;
    default:
      return;
  }
}

function lockReferenced(constraint: Constraint, scope: CommandScope, mode: LockMode): void {
  const referenced = referenceFromRangeVar(constraint.pktable, "referenced");
  // A self-reference is the altered table itself: its lock is already the stronger one.
  if (referenced !== undefined && relationKey(referenced) !== scope.tableKey) scope.verdict.lock(referenced, mode);
}

function analyzeAttach(command: AlterTableCmd, scope: CommandScope): void {
  const { verdict, context } = scope;
  const partition = referenceFromRangeVar(nodeOf<PartitionCmd>(command.def, "PartitionCmd")?.name, "target");
  verdict.lock(partition, "AccessExclusiveLock");
  if (scope.isIndex) return;
  verdict.scan = true;
  verdict.note(
    context.pgVersion >= 12
      ? "ATTACH PARTITION takes SHARE UPDATE EXCLUSIVE on the parent (PostgreSQL 12+) and ACCESS EXCLUSIVE on the partition, which is scanned unless a CHECK constraint already proves its bounds."
      : "ATTACH PARTITION takes ACCESS EXCLUSIVE on the parent before PostgreSQL 12.",
  );
}

function analyzeDetach(command: AlterTableCmd, scope: CommandScope): void {
  const { verdict, context } = scope;
  const partitionCommand = nodeOf<PartitionCmd>(command.def, "PartitionCmd");
  const partition = referenceFromRangeVar(partitionCommand?.name, "target");
  if (partitionCommand?.concurrent === true) {
    verdict.lock(partition, "ShareUpdateExclusiveLock");
    verdict.transactional = false;
    verdict.note(
      context.pgVersion >= 14
        ? "DETACH PARTITION CONCURRENTLY takes SHARE UPDATE EXCLUSIVE and cannot run in a transaction block (PostgreSQL 14+)."
        : "DETACH PARTITION CONCURRENTLY needs PostgreSQL 14.",
    );
    return;
  }
  verdict.lock(partition, "AccessExclusiveLock");
  verdict.note(
    "DETACH PARTITION takes ACCESS EXCLUSIVE on the parent and the partition; CONCURRENTLY (PostgreSQL 14+) avoids it.",
  );
}
