import type { AlterTableCmd, AlterTableStmt, ColumnDef, Constraint, Node, PartitionCmd, RangeVar } from "@pgsql/types";
import { nodeOf } from "../schema/ast.js";
import { referenceFromRangeVar } from "../relations.js";
import type { RelationReference } from "../types.js";

const SIMPLE_SUBCOMMAND_KINDS: Record<string, string> = {
  AT_AddColumn: "add_column",
  AT_AddColumnToView: "add_column",
  AT_DropNotNull: "drop_not_null",
  AT_SetNotNull: "set_not_null",
  AT_SetExpression: "set_expression",
  AT_DropExpression: "drop_expression",
  AT_SetStatistics: "set_statistics",
  AT_SetOptions: "set_column_options",
  AT_ResetOptions: "reset_column_options",
  AT_SetStorage: "set_storage",
  AT_SetCompression: "set_compression",
  AT_DropColumn: "drop_column",
  AT_AlterConstraint: "alter_constraint",
  AT_ValidateConstraint: "validate_constraint",
  AT_DropConstraint: "drop_constraint",
  AT_AlterColumnType: "alter_column_type",
  AT_AlterColumnGenericOptions: "alter_column_options",
  AT_ChangeOwner: "change_owner",
  AT_ClusterOn: "cluster_on",
  AT_DropCluster: "set_without_cluster",
  AT_SetLogged: "set_logged",
  AT_SetUnLogged: "set_unlogged",
  AT_DropOids: "set_without_oids",
  AT_SetAccessMethod: "set_access_method",
  AT_SetTableSpace: "set_tablespace",
  AT_SetRelOptions: "set_storage_parameters",
  AT_ResetRelOptions: "reset_storage_parameters",
  AT_ReplaceRelOptions: "set_storage_parameters",
  AT_EnableTrig: "enable_trigger",
  AT_EnableAlwaysTrig: "enable_trigger",
  AT_EnableReplicaTrig: "enable_trigger",
  AT_EnableTrigAll: "enable_trigger",
  AT_EnableTrigUser: "enable_trigger",
  AT_DisableTrig: "disable_trigger",
  AT_DisableTrigAll: "disable_trigger",
  AT_DisableTrigUser: "disable_trigger",
  AT_EnableRule: "enable_rule",
  AT_EnableAlwaysRule: "enable_rule",
  AT_EnableReplicaRule: "enable_rule",
  AT_DisableRule: "disable_rule",
  AT_AddInherit: "add_inherit",
  AT_DropInherit: "drop_inherit",
  AT_AddOf: "add_of",
  AT_DropOf: "drop_of",
  AT_ReplicaIdentity: "replica_identity",
  AT_EnableRowSecurity: "enable_rls",
  AT_DisableRowSecurity: "disable_rls",
  AT_ForceRowSecurity: "force_rls",
  AT_NoForceRowSecurity: "no_force_rls",
  AT_GenericOptions: "alter_options",
  AT_AttachPartition: "attach_partition",
  AT_DetachPartitionFinalize: "detach_partition_finalize",
  AT_AddIdentity: "add_identity",
  AT_SetIdentity: "set_identity",
  AT_DropIdentity: "drop_identity",
};

/** Kinds an ALTER TABLE subcommand can have, for STATEMENT_KINDS. */
export const ALTER_TABLE_SUBCOMMAND_KINDS: readonly string[] = [
  ...new Set([
    ...Object.values(SIMPLE_SUBCOMMAND_KINDS),
    "set_default",
    "drop_default",
    "add_constraint",
    "add_foreign_key",
    "add_check_constraint",
    "add_unique_constraint",
    "add_primary_key",
    "add_exclusion_constraint",
    "add_not_null_constraint",
    "add_constraint_using_index",
    "detach_partition",
    "detach_partition_concurrently",
    "alter_table",
  ]),
];

/** The ALTER TABLE subcommands of a node, unwrapped. */
export function alterTableCommands(statement: AlterTableStmt): AlterTableCmd[] {
  return (statement.cmds ?? []).flatMap((command) => {
    const payload = nodeOf<AlterTableCmd>(command, "AlterTableCmd");
    return payload === undefined ? [] : [payload];
  });
}

/** The constraint an `ADD CONSTRAINT` (or `ADD COLUMN`) subcommand defines. */
export function commandConstraint(command: AlterTableCmd): Constraint | undefined {
  return nodeOf<Constraint>(command.def, "Constraint");
}

/** The kind of one ALTER TABLE subcommand (`add_column`, `add_foreign_key`, ...). */
export function alterTableCommandKind(command: AlterTableCmd): string {
  const subtype = command.subtype ?? "";
  if (subtype === "AT_ColumnDefault" || subtype === "AT_CookedColumnDefault") {
    return command.def === undefined ? "drop_default" : "set_default";
  }
  if (subtype === "AT_AddConstraint" || subtype === "AT_AddIndexConstraint") return constraintKind(commandConstraint(command));
  if (subtype === "AT_DetachPartition") {
    const partition = nodeOf<PartitionCmd>(command.def, "PartitionCmd");
    return partition?.concurrent === true ? "detach_partition_concurrently" : "detach_partition";
  }
  return SIMPLE_SUBCOMMAND_KINDS[subtype] ?? "alter_table";
}

function constraintKind(constraint: Constraint | undefined): string {
  if (constraint === undefined) return "add_constraint";
  if (constraint.indexname !== undefined) return "add_constraint_using_index";
  switch (constraint.contype) {
    case "CONSTR_FOREIGN":
      return "add_foreign_key";
    case "CONSTR_CHECK":
      return "add_check_constraint";
    case "CONSTR_UNIQUE":
      return "add_unique_constraint";
    case "CONSTR_PRIMARY":
      return "add_primary_key";
    case "CONSTR_EXCLUSION":
      return "add_exclusion_constraint";
    case "CONSTR_NOTNULL":
      return "add_not_null_constraint";
    default:
      return "add_constraint";
  }
}

/**
 * Among several subcommands, the one that names the statement: rewrites and whole-table work first,
 * then by the lock they take, then the first written.
 */
const SIGNIFICANCE: readonly string[] = [
  "alter_column_type",
  "set_access_method",
  "set_tablespace",
  "set_logged",
  "set_unlogged",
  "set_expression",
  "add_column",
  "add_primary_key",
  "add_unique_constraint",
  "add_exclusion_constraint",
  "add_check_constraint",
  "add_not_null_constraint",
  "set_not_null",
  "drop_column",
  "add_foreign_key",
  "attach_partition",
  "detach_partition",
  "add_constraint_using_index",
  "drop_constraint",
  "add_identity",
  "drop_expression",
  "enable_rls",
  "force_rls",
  "disable_rls",
  "detach_partition_concurrently",
  "validate_constraint",
];

/** The most significant of several subcommand kinds. */
export function mostSignificantKind(kinds: string[]): string {
  let best: string | undefined;
  let bestRank = Number.POSITIVE_INFINITY;
  for (const kind of kinds) {
    const rank = SIGNIFICANCE.indexOf(kind);
    const effective = rank === -1 ? SIGNIFICANCE.length : rank;
    if (effective < bestRank) {
      best = kind;
      bestRank = effective;
    }
  }
  return best ?? "alter_table";
}

/** Relations an ALTER TABLE names beyond its target: FK targets, partitions, inheritance parents, indexes. */
export function alterTableExtraRelations(statement: AlterTableStmt): Array<RelationReference | undefined> {
  const references: Array<RelationReference | undefined> = [];
  const schema = statement.relation?.schemaname;
  for (const command of alterTableCommands(statement)) {
    const constraint = commandConstraint(command);
    if (constraint !== undefined) references.push(...constraintRelations(constraint, schema));
    const column = nodeOf<ColumnDef>(command.def, "ColumnDef");
    for (const columnConstraint of column?.constraints ?? []) {
      const payload = nodeOf<Constraint>(columnConstraint, "Constraint");
      if (payload !== undefined) references.push(...constraintRelations(payload, schema));
    }
    const partition = nodeOf<PartitionCmd>(command.def, "PartitionCmd");
    if (partition !== undefined) references.push(referenceFromRangeVar(partition.name, "target", "table"));
    const parent = nodeOf<RangeVar>(command.def, "RangeVar");
    if (parent !== undefined) references.push(referenceFromRangeVar(parent, "referenced", "table"));
  }
  return references;
}

/** FK target (referenced) and USING INDEX index (target: it is renamed to the constraint). */
export function constraintRelations(constraint: Constraint, schema: string | undefined): Array<RelationReference | undefined> {
  const references: Array<RelationReference | undefined> = [];
  if (constraint.contype === "CONSTR_FOREIGN") references.push(referenceFromRangeVar(constraint.pktable, "referenced", "table"));
  if (constraint.indexname !== undefined) {
    const index: RangeVar = { relname: constraint.indexname, ...(schema === undefined ? {} : { schemaname: schema }) };
    references.push(referenceFromRangeVar(index, "target", "index"));
  }
  return references;
}

/** The subcommands' kinds of an ALTER TABLE node, in order. */
export function alterTableKinds(node: Node | undefined): string[] {
  const statement = nodeOf<AlterTableStmt>(node, "AlterTableStmt");
  return statement === undefined ? [] : alterTableCommands(statement).map(alterTableCommandKind);
}
