import type { AlterTableType, CreateTrigStmt } from "@pgsql/types";
import { qualifiedNameOf, stringsOf } from "./ast.js";
import { type ApplyContext, tableForAlter } from "./context.js";
import { expressionToSql } from "./deparse.js";
import type { TableModel, TriggerModel } from "./types.js";

/** Trigger type bits as PostgreSQL's `pg_trigger.tgtype` stores them. */
const TRIGGER_BITS = { before: 1 << 1, insert: 1 << 2, delete: 1 << 3, update: 1 << 4, truncate: 1 << 5, instead: 1 << 6 };

/** CREATE [OR REPLACE] [CONSTRAINT] TRIGGER on a table or view. */
export function applyCreateTrigger(context: ApplyContext, statement: CreateTrigStmt): void {
  const relation = statement.relation;
  if (relation?.relname === undefined || statement.trigname === undefined) return;
  const table = tableForAlter(context, relation.schemaname, relation.relname);
  const existing = table.triggers.findIndex((trigger) => trigger.name === statement.trigname);
  if (existing !== -1 && statement.replace !== true) return;
  const timing = statement.timing ?? 0;
  const events = statement.events ?? 0;
  const name = qualifiedNameOf(statement.funcname);
  const trigger: TriggerModel = {
    name: statement.trigname,
    function: name === undefined ? "" : name.schema === undefined ? name.name : `${name.schema}.${name.name}`,
    timing: (timing & TRIGGER_BITS.instead) !== 0 ? "instead_of" : (timing & TRIGGER_BITS.before) !== 0 ? "before" : "after",
    events: (["insert", "update", "delete", "truncate"] as const).filter((event) => (events & TRIGGER_BITS[event]) !== 0),
    forEachRow: statement.row === true,
    enabled: true,
    firing: "origin",
    createdAt: context.source,
  };
  const columns = stringsOf(statement.columns);
  if (columns.length > 0) trigger.columns = columns;
  const when = expressionToSql(statement.whenClause);
  if (when !== undefined) trigger.when = when;
  if (statement.isconstraint === true) trigger.constraint = true;
  if (existing === -1) table.triggers.push(trigger);
  else table.triggers[existing] = trigger;
}

const FIRING: Partial<Record<AlterTableType, TriggerModel["firing"]>> = {
  AT_EnableTrig: "origin",
  AT_EnableTrigAll: "origin",
  AT_EnableTrigUser: "origin",
  AT_EnableAlwaysTrig: "always",
  AT_EnableReplicaTrig: "replica",
  AT_DisableTrig: "disabled",
  AT_DisableTrigAll: "disabled",
  AT_DisableTrigUser: "disabled",
};

/**
 * `ALTER TABLE ... ENABLE | DISABLE [REPLICA | ALWAYS] TRIGGER name | ALL | USER`. A trigger is
 * `enabled` when it fires in an ordinary session: `origin` or `always`, not `replica` or `disabled`.
 */
export function setTriggerFiring(table: TableModel, subtype: AlterTableType, name: string | undefined): void {
  const firing = FIRING[subtype];
  if (firing === undefined) return;
  const all = subtype.endsWith("All") || subtype.endsWith("User");
  for (const trigger of table.triggers) {
    if (!all && trigger.name !== name) continue;
    trigger.firing = firing;
    trigger.enabled = firing === "origin" || firing === "always";
  }
}
