import type { AccessPriv, GrantStmt, RangeVar, RoleSpec } from "@pgsql/types";
import { nodeOf, stringOf, stringsOf } from "./ast.js";
import { type ApplyContext, tableForAlter } from "./context.js";
import { roleName } from "./names.js";
import type { GrantModel, TableModel } from "./types.js";

/** What `ALL [PRIVILEGES]` means on a table, and on columns. */
const ALL_TABLE_PRIVILEGES = ["SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"];
const ALL_COLUMN_PRIVILEGES = ["SELECT", "INSERT", "UPDATE", "REFERENCES"];

interface Privilege {
  name: string;
  columns: string[];
}

function privilegesOf(statement: GrantStmt): Privilege[] {
  if (statement.privileges === undefined || statement.privileges.length === 0) {
    return ALL_TABLE_PRIVILEGES.map((name) => ({ name, columns: [] }));
  }
  return statement.privileges.flatMap((node) => {
    const privilege = nodeOf<AccessPriv>(node, "AccessPriv");
    const columns = stringsOf(privilege?.cols);
    if (privilege?.priv_name === undefined) {
      return (columns.length > 0 ? ALL_COLUMN_PRIVILEGES : ALL_TABLE_PRIVILEGES).map((name) => ({ name, columns }));
    }
    return [{ name: privilege.priv_name.toUpperCase(), columns }];
  });
}

function tablesOf(context: ApplyContext, statement: GrantStmt): TableModel[] {
  if (statement.targtype === "ACL_TARGET_ALL_IN_SCHEMA") {
    const schemas = new Set((statement.objects ?? []).map((node) => stringOf(node)));
    // ALL TABLES IN SCHEMA means the tables that exist now, which is what the replay knows.
    return [...context.model.tables.values()].filter((table) => schemas.has(table.schema) && !table.temporary);
  }
  if (statement.targtype !== "ACL_TARGET_OBJECT") return [];
  return (statement.objects ?? []).flatMap((node) => {
    const relation = nodeOf<RangeVar>(node, "RangeVar");
    if (relation?.relname === undefined) return [];
    return [tableForAlter(context, relation.schemaname, relation.relname)];
  });
}

function grant(context: ApplyContext, table: TableModel, grantee: string, privilege: Privilege, withGrantOption: boolean): void {
  const columnLevel = privilege.columns.length > 0;
  let entry = table.grants.find(
    (existing) =>
      existing.grantee === grantee &&
      (columnLevel
        ? existing.columns !== undefined && existing.privileges[0] === privilege.name
        : existing.columns === undefined),
  );
  if (entry === undefined) {
    entry = { grantee, privileges: [], createdAt: context.source };
    if (columnLevel) entry.columns = [];
    table.grants.push(entry);
  }
  if (!entry.privileges.includes(privilege.name)) entry.privileges.push(privilege.name);
  // Granted again to someone: no longer a privilege the migrations took away.
  if (!columnLevel && table.revokedPrivileges?.includes(privilege.name)) {
    table.revokedPrivileges = table.revokedPrivileges.filter((name) => name !== privilege.name);
  }
  for (const column of privilege.columns) if (!entry.columns?.includes(column)) entry.columns?.push(column);
  if (withGrantOption) entry.withGrantOption = true;
}

function revoke(table: TableModel, grantee: string, privilege: Privilege, grantOptionOnly: boolean): void {
  const columnLevel = privilege.columns.length > 0;
  if (!columnLevel && !grantOptionOnly) {
    const revoked = table.revokedPrivileges ?? [];
    if (!revoked.includes(privilege.name)) table.revokedPrivileges = [...revoked, privilege.name];
  }
  for (const entry of table.grants) {
    if (entry.grantee !== grantee || !entry.privileges.includes(privilege.name)) continue;
    if (grantOptionOnly) {
      delete entry.withGrantOption;
    } else if (columnLevel && entry.columns !== undefined) {
      entry.columns = entry.columns.filter((column) => !privilege.columns.includes(column));
    } else if (!columnLevel) {
      // Revoking a table privilege also revokes it on every column, as PostgreSQL does.
      entry.privileges = entry.privileges.filter((name) => name !== privilege.name);
    }
  }
  table.grants = table.grants.filter(
    (entry) => entry.privileges.length > 0 && (entry.columns === undefined || entry.columns.length > 0),
  );
}

/** GRANT / REVOKE on tables, views and their columns (including ALL TABLES IN SCHEMA). */
export function applyGrant(context: ApplyContext, statement: GrantStmt): void {
  if (statement.objtype !== "OBJECT_TABLE") return;
  const grantees = (statement.grantees ?? []).map((node) => roleName(nodeOf<RoleSpec>(node, "RoleSpec")));
  const privileges = privilegesOf(statement);
  for (const table of tablesOf(context, statement)) {
    for (const grantee of grantees) {
      for (const privilege of privileges) {
        if (statement.is_grant === true) grant(context, table, grantee, privilege, statement.grant_option === true);
        else revoke(table, grantee, privilege, statement.grant_option === true);
      }
    }
  }
}

/** The grants of a table that give a privilege to a role (table-level or on some columns). */
export function grantsFor(table: TableModel, grantee: string, privilege?: string): GrantModel[] {
  return table.grants.filter(
    (entry) => entry.grantee === grantee && (privilege === undefined || entry.privileges.includes(privilege.toUpperCase())),
  );
}
