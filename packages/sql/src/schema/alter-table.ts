import type {
  AlterTableCmd,
  AlterTableStmt,
  ATAlterConstraint,
  ColumnDef,
  Constraint,
  DefElem,
  Node,
  PartitionCmd,
  RoleSpec,
} from "@pgsql/types";
import { integerOf, nodeOf, stringsOf } from "./ast.js";
import { addColumn, dropColumn, setColumnDefault, setColumnType } from "./columns.js";
import { addConstraint } from "./constraints.js";
import { dropConstraint } from "./constraint-changes.js";
import { type ApplyContext, columnForAlter, rangeVarKey, tableForAlter } from "./context.js";
import { clonePartitionObjects } from "./copies.js";
import { expressionToSql } from "./deparse.js";
import { roleName } from "./names.js";
import { setTriggerFiring } from "./triggers.js";
import type { TableModel } from "./types.js";

const RELATION_KINDS: Partial<Record<string, TableModel["kind"]>> = {
  OBJECT_TABLE: "table",
  OBJECT_VIEW: "view",
  OBJECT_MATVIEW: "materialized_view",
  OBJECT_FOREIGN_TABLE: "foreign_table",
};

/** `ALTER TABLE | VIEW | MATERIALIZED VIEW | FOREIGN TABLE ...`: every sub-command in order. */
export function applyAlterTable(context: ApplyContext, statement: AlterTableStmt): void {
  const kind = RELATION_KINDS[statement.objtype ?? "OBJECT_TABLE"];
  const relation = statement.relation;
  if (kind === undefined || relation?.relname === undefined) return;
  const key = rangeVarKey(context, relation);
  // IF EXISTS on a table the replay does not know: the author was not sure it exists either.
  if (statement.missing_ok === true && key !== undefined && !context.model.tables.has(key)) return;
  const table = tableForAlter(context, relation.schemaname, relation.relname, kind);
  for (const node of statement.cmds ?? []) {
    const command = nodeOf<AlterTableCmd>(node, "AlterTableCmd");
    if (command !== undefined) applyCommand(context, table, command);
  }
}

function identityOf(actions: Node | undefined): "always" | "by_default" | undefined {
  for (const item of nodeOf<{ items?: Node[] }>(actions, "List")?.items ?? []) {
    const option = nodeOf<DefElem>(item, "DefElem");
    if (option?.defname !== "generated") continue;
    // The grammar stores ATTRIBUTE_IDENTITY_ALWAYS ('a') or BY_DEFAULT ('d') as a character code.
    return integerOf(option.arg) === "a".charCodeAt(0) ? "always" : "by_default";
  }
  return undefined;
}

function applyColumnCommand(context: ApplyContext, table: TableModel, command: AlterTableCmd): void {
  const column = command.name === undefined ? undefined : columnForAlter(table, command.name);
  if (column === undefined) return;
  switch (command.subtype) {
    case "AT_AlterColumnType": {
      const definition = nodeOf<ColumnDef>(command.def, "ColumnDef");
      setColumnType(column, definition?.typeName);
      const collation = stringsOf(definition?.collClause?.collname);
      if (collation.length > 0) column.collation = collation.join(".");
      return;
    }
    case "AT_ColumnDefault":
      setColumnDefault(context, column, command.def);
      return;
    case "AT_SetNotNull":
      column.notNull = true;
      return;
    case "AT_DropNotNull":
      column.notNull = false;
      table.constraints = table.constraints.filter(
        (constraint) => !(constraint.type === "not_null" && constraint.columns.includes(column.name)),
      );
      return;
    case "AT_AddIdentity":
      column.identity = nodeOf<Constraint>(command.def, "Constraint")?.generated_when === "a" ? "always" : "by_default";
      column.notNull = true;
      return;
    case "AT_SetIdentity": {
      const identity = identityOf(command.def);
      if (identity !== undefined) column.identity = identity;
      return;
    }
    case "AT_DropIdentity":
      delete column.identity;
      return;
    case "AT_SetExpression": {
      const expression = expressionToSql(command.def);
      if (expression !== undefined) column.generatedExpression = expression;
      return;
    }
    case "AT_DropExpression":
      delete column.generated;
      delete column.generatedExpression;
      return;
  }
}

function applyPartitionCommand(context: ApplyContext, table: TableModel, command: AlterTableCmd): void {
  const partitionCommand = nodeOf<PartitionCmd>(command.def, "PartitionCmd");
  const partition = partitionCommand?.name;
  if (partition?.relname === undefined) return;
  const child = tableForAlter(context, partition.schemaname, partition.relname);
  if (command.subtype === "AT_AttachPartition") {
    child.partitionOf = `${table.schema}.${table.name}`;
    if (partitionCommand?.bound?.is_default === true) child.partitionDefault = true;
    clonePartitionObjects(context, table, child);
  } else {
    delete child.partitionOf;
    delete child.partitionDefault;
  }
}

function applyCommand(context: ApplyContext, table: TableModel, command: AlterTableCmd): void {
  switch (command.subtype) {
    case "AT_AddColumn":
    case "AT_AddColumnToView": {
      const definition = nodeOf<ColumnDef>(command.def, "ColumnDef");
      if (definition !== undefined) addColumn(context, table, definition, false);
      return;
    }
    case "AT_DropColumn":
      if (command.name !== undefined) dropColumn(context, table, command.name);
      return;
    case "AT_AddConstraint": {
      const constraint = nodeOf<Constraint>(command.def, "Constraint");
      if (constraint !== undefined) addConstraint(context, table, constraint, { inCreate: false });
      return;
    }
    case "AT_ValidateConstraint": {
      const constraint = table.constraints.find((existing) => existing.name === command.name);
      if (constraint !== undefined) constraint.validated = true;
      return;
    }
    case "AT_DropConstraint":
      if (command.name !== undefined) dropConstraint(context, table, command.name);
      return;
    case "AT_AlterConstraint": {
      const change = nodeOf<ATAlterConstraint>(command.def, "ATAlterConstraint");
      const constraint = table.constraints.find((existing) => existing.name === change?.conname);
      if (constraint === undefined || change === undefined) return;
      if (change.alterDeferrability === true) {
        constraint.deferrable = change.deferrable === true;
        constraint.initiallyDeferred = change.initdeferred === true;
      }
      if (change.alterEnforceability === true) constraint.enforced = change.is_enforced === true;
      return;
    }
    case "AT_EnableRowSecurity":
    case "AT_DisableRowSecurity":
      table.rowLevelSecurity = command.subtype === "AT_EnableRowSecurity";
      return;
    case "AT_ForceRowSecurity":
    case "AT_NoForceRowSecurity":
      table.forceRowLevelSecurity = command.subtype === "AT_ForceRowSecurity";
      return;
    case "AT_ChangeOwner":
      table.owner = roleName(command.newowner as RoleSpec | undefined);
      return;
    case "AT_AttachPartition":
    case "AT_DetachPartition":
      applyPartitionCommand(context, table, command);
      return;
    case "AT_AddInherit":
    case "AT_DropInherit": {
      const parent = rangeVarKey(context, nodeOf(command.def, "RangeVar"));
      if (parent === undefined) return;
      const others = (table.inherits ?? []).filter((key) => key !== parent);
      table.inherits = command.subtype === "AT_AddInherit" ? [...others, parent] : others;
      return;
    }
    case "AT_SetLogged":
    case "AT_SetUnLogged":
      table.unlogged = command.subtype === "AT_SetUnLogged";
      return;
    case "AT_EnableTrig":
    case "AT_EnableAlwaysTrig":
    case "AT_EnableReplicaTrig":
    case "AT_DisableTrig":
    case "AT_EnableTrigAll":
    case "AT_DisableTrigAll":
    case "AT_EnableTrigUser":
    case "AT_DisableTrigUser":
      setTriggerFiring(table, command.subtype, command.name);
      return;
    default:
      applyColumnCommand(context, table, command);
  }
}
