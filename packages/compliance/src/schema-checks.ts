import { findTable, type SchemaModel, type SourceReference, type TableModel } from "@confiture/sql";
import type { SensitiveCategory } from "./categories.js";
import { type TableClassification, classifyTable } from "./classify.js";
import type { ClassificationConfig } from "./config.js";
import { identifierTokens } from "./names.js";

/** How messages name a table: `name` in the public schema, else `schema.name` (as the SQL would write it). */
export function displayName(table: Pick<TableModel, "schema" | "name">): string {
  return table.schema === "public" ? table.name : `${table.schema}.${table.name}`;
}

export interface SensitiveTable {
  /** The table's name as SQL writes it (`patients`, `billing.cards`). */
  key: string;
  table: TableModel;
  classification: TableClassification;
}

/**
 * Tables (not views) of the schema model holding any of the categories, in name order. Tables the
 * migrations did not create are stand-ins whose RLS, triggers and columns are unknown, so they
 * are left out unless `includePreexisting` (a column rule can still judge the columns it saw added).
 * Audit logs hold copies of the data they audit but are records, not that data: they are left out
 * unless `includeAuditLogs` (or the categories asked for include `audit`).
 */
export function sensitiveTables(
  schema: SchemaModel,
  config: ClassificationConfig,
  categories: readonly SensitiveCategory[],
  options: { includePreexisting?: boolean; includeAuditLogs?: boolean } = {},
): SensitiveTable[] {
  const found: SensitiveTable[] = [];
  const auditLogsToo = options.includeAuditLogs === true || categories.includes("audit");
  for (const table of schema.tables.values()) {
    if (table.kind !== "table" && table.kind !== "partitioned_table") continue;
    if (!table.createdInMigrations && !options.includePreexisting) continue;
    const classification = classifyTable(table, config);
    if (classification.auditLog && !auditLogsToo) continue;
    if (categories.some((category) => classification.categories.has(category)))
      found.push({ key: displayName(table), table, classification });
  }
  return found.sort((a, b) => a.key.localeCompare(b.key));
}

/** A table known only by its name (created before the migrations being linted): no columns, no controls. */
export function tableNamed(name: string): TableModel {
  const [schema, table] = name.includes(".")
    ? [name.slice(0, name.indexOf(".")), name.slice(name.indexOf(".") + 1)]
    : ["public", name];
  return {
    schema,
    name: table,
    kind: "table",
    columns: new Map(),
    constraints: [],
    indexes: [],
    securityLabels: {},
    rowLevelSecurity: false,
    forceRowLevelSecurity: false,
    policies: [],
    triggers: [],
    grants: [],
    createdInMigrations: false,
  };
}

/** The table of that name in the model, or, when the migrations did not create it, the table known by its name only. */
export function resolveTable(schema: SchemaModel, name: string): TableModel {
  return lookupTable(schema, name) ?? tableNamed(name);
}

/** The table a statement names, from the schema model (`name`, `public.name` or `schema.name`): @confiture/sql's lookup. */
export function lookupTable(schema: SchemaModel, name: string): TableModel | undefined {
  return findTable(schema, name);
}

/**
 * An audit trigger: enabled, row-level, firing on INSERT, UPDATE and DELETE, whose name or function
 * says audit (`audit`, `history`, `journal` tokens). Triggers can be named anything, so a team can
 * also tag the table `@audited` in its comment (see `hasAuditTrail`).
 */
export function auditTriggers(table: TableModel): string[] {
  return table.triggers
    .filter(
      (trigger) => trigger.enabled && ["insert", "update", "delete"].every((event) => trigger.events.includes(event as "insert")),
    )
    .filter((trigger) =>
      [...identifierTokens(trigger.name), ...identifierTokens(trigger.function)].some((token) =>
        ["audit", "audited", "history", "journal", "changelog"].includes(token),
      ),
    )
    .map((trigger) => trigger.name);
}

/** Words in a trigger's or its function's name that say it maintains a timestamp rather than guarding rows. */
const maintenanceTokens = ["updated", "modified", "touch", "timestamp", "timestamps", "version"];

/**
 * The triggers that keep a table append-only: enabled, BEFORE, firing on UPDATE, DELETE or TRUNCATE
 * but not on INSERT (an audit trigger fires on all three), and not named for keeping `updated_at`.
 * Their function's body is not in the model: on an audit log or ledger, a BEFORE UPDATE/DELETE
 * trigger is there to reject the change.
 */
export function protectionTriggers(table: TableModel): string[] {
  return table.triggers
    .filter(
      (trigger) =>
        trigger.enabled &&
        trigger.timing === "before" &&
        !trigger.events.includes("insert") &&
        trigger.events.some((event) => event === "update" || event === "delete" || event === "truncate"),
    )
    .filter(
      (trigger) =>
        ![...identifierTokens(trigger.name), ...identifierTokens(trigger.function)].some((token) =>
          maintenanceTokens.includes(token),
        ),
    )
    .map((trigger) => trigger.name);
}

/** Append-only: a protection trigger rejects UPDATE/DELETE, or the migrations revoked both privileges. */
export function isAppendOnly(table: TableModel): boolean {
  if (protectionTriggers(table).length > 0) return true;
  const revoked = table.revokedPrivileges ?? [];
  return revoked.includes("UPDATE") && revoked.includes("DELETE");
}

/** An audit trail exists: an audit trigger, or the table's comment says `@audited`. */
export function hasAuditTrail(table: TableModel): boolean {
  return auditTriggers(table).length > 0 || /@audited\b/i.test(table.comment ?? "");
}

/** Whether a trigger of the table is one of its audit triggers. */
export function isAuditTrigger(table: TableModel | undefined, triggerName: string | undefined): boolean {
  if (!table) return false;
  if (triggerName === undefined) return auditTriggers(table).length > 0;
  return auditTriggers(table).includes(triggerName) || identifierTokens(triggerName).includes("audit");
}

/** Row level security is on and at least one policy exists. */
export function hasRowLevelSecurity(table: TableModel): boolean {
  return table.rowLevelSecurity && table.policies.length > 0;
}

/** Whether a table has columns whose names mean the listed tokens (`created_at`, `updated_by`...). */
export function hasColumn(table: TableModel, names: readonly string[]): boolean {
  return names.some((name) => table.columns.has(name));
}

/** Foreign keys from other tables into `key` that would block a DELETE (no CASCADE / SET NULL / SET DEFAULT). */
export function blockingForeignKeys(
  schema: SchemaModel,
  key: string,
): Array<{ table: string; constraint?: string; createdAt?: SourceReference }> {
  const names = new Set([key, key.startsWith("public.") ? key.slice(7) : `public.${key}`]);
  const blocking: Array<{ table: string; constraint?: string; createdAt?: SourceReference }> = [];
  for (const [otherKey, other] of schema.tables) {
    for (const constraint of other.constraints) {
      if (constraint.type !== "foreign_key" || !constraint.references || !names.has(constraint.references.table)) continue;
      const action = (constraint.references.onDelete ?? "no action").toLowerCase().replace(/_/g, " ");
      if (!["cascade", "set null", "set default"].some((allowed) => action.includes(allowed))) {
        blocking.push({
          table: otherKey,
          ...(constraint.name ? { constraint: constraint.name } : {}),
          ...(constraint.createdAt ? { createdAt: constraint.createdAt } : {}),
        });
      }
    }
  }
  return blocking;
}
