import type { Node, RangeVar } from "@pgsql/types";

/** A relation name as the lock model and schema model write it: `schema.name`, the public schema dropped. */
export function relationName(relation: Pick<RangeVar, "schemaname" | "relname"> | undefined): string | undefined {
  if (!relation?.relname) return undefined;
  return relation.schemaname && relation.schemaname !== "public"
    ? `${relation.schemaname}.${relation.relname}`
    : relation.relname;
}

/** Every RangeVar anywhere inside a node (FROM clauses, joins, subqueries, CTEs). */
export function collectRangeVars(node: unknown, found: RangeVar[] = []): RangeVar[] {
  if (Array.isArray(node)) {
    for (const item of node) collectRangeVars(item, found);
  } else if (node !== null && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "RangeVar" && value && typeof value === "object") found.push(value as RangeVar);
      else collectRangeVars(value, found);
    }
  }
  return found;
}

/** What a GRANT or REVOKE on tables says. */
export interface GrantInfo {
  isGrant: boolean;
  tables: string[];
  privileges: string[];
  /** Named grantees; PUBLIC appears as `public`. */
  grantees: string[];
  toPublic: boolean;
  /** GRANT ALL [PRIVILEGES] (privileges list empty in the AST). */
  allPrivileges: boolean;
  allTablesInSchema: boolean;
}

/** Reads a GRANT/REVOKE on tables; undefined for other statements and other object types. */
export function grantInfo(node: Node): GrantInfo | undefined {
  if (!("GrantStmt" in node)) return undefined;
  const grant = node.GrantStmt;
  if (grant.objtype !== "OBJECT_TABLE") return undefined;
  const allTablesInSchema = grant.targtype === "ACL_TARGET_ALL_IN_SCHEMA";
  const tables = allTablesInSchema
    ? []
    : (grant.objects ?? []).flatMap((object) =>
        "RangeVar" in object ? [relationName(object.RangeVar)].filter((name): name is string => name !== undefined) : [],
      );
  const grantees = (grant.grantees ?? []).flatMap((grantee) => {
    if (!("RoleSpec" in grantee)) return [];
    const role = grantee.RoleSpec;
    return [role.roletype === "ROLESPEC_PUBLIC" ? "public" : (role.rolename ?? String(role.roletype).toLowerCase())];
  });
  const privileges = (grant.privileges ?? []).flatMap((privilege) =>
    "AccessPriv" in privilege && privilege.AccessPriv.priv_name ? [privilege.AccessPriv.priv_name] : [],
  );
  return {
    isGrant: grant.is_grant === true,
    tables,
    privileges,
    grantees,
    toPublic: grantees.includes("public"),
    allPrivileges: privileges.length === 0,
    allTablesInSchema,
  };
}

/** A statement that changes or removes rows or whole tables. */
export interface DataChange {
  action: "delete" | "update" | "truncate" | "drop" | "insert";
  tables: string[];
}

/** DELETE, UPDATE, TRUNCATE, DROP TABLE and INSERT, with the tables they touch. */
export function dataChange(node: Node): DataChange | undefined {
  if ("DeleteStmt" in node)
    return { action: "delete", tables: [relationName(node.DeleteStmt.relation)].filter((name): name is string => !!name) };
  if ("UpdateStmt" in node)
    return { action: "update", tables: [relationName(node.UpdateStmt.relation)].filter((name): name is string => !!name) };
  if ("InsertStmt" in node)
    return { action: "insert", tables: [relationName(node.InsertStmt.relation)].filter((name): name is string => !!name) };
  if ("TruncateStmt" in node) {
    return {
      action: "truncate",
      tables: (node.TruncateStmt.relations ?? []).flatMap((relation) =>
        "RangeVar" in relation ? [relationName(relation.RangeVar)].filter((name): name is string => !!name) : [],
      ),
    };
  }
  if ("DropStmt" in node && node.DropStmt.removeType === "OBJECT_TABLE") {
    const tables = (node.DropStmt.objects ?? []).flatMap((object) => {
      if (!("List" in object)) return [];
      const parts = (object.List.items ?? []).flatMap((item) => ("String" in item && item.String.sval ? [item.String.sval] : []));
      if (parts.length === 0) return [];
      return [parts.length > 1 && parts[0] !== "public" ? parts.join(".") : (parts[parts.length - 1] as string)];
    });
    return { action: "drop", tables };
  }
  return undefined;
}

/** A trigger disabled or dropped. `trigger` is undefined for DISABLE TRIGGER ALL/USER. */
export interface TriggerRemoval {
  table: string;
  trigger?: string;
  action: "disable" | "drop";
}

/** ALTER TABLE ... DISABLE TRIGGER and DROP TRIGGER ... ON. */
export function triggerRemovals(node: Node): TriggerRemoval[] {
  if ("AlterTableStmt" in node) {
    const table = relationName(node.AlterTableStmt.relation);
    if (!table) return [];
    return (node.AlterTableStmt.cmds ?? []).flatMap((command) => {
      if (!("AlterTableCmd" in command)) return [];
      const subtype = command.AlterTableCmd.subtype;
      if (subtype === "AT_DisableTrig") return [{ table, trigger: command.AlterTableCmd.name, action: "disable" as const }];
      if (subtype === "AT_DisableTrigAll" || subtype === "AT_DisableTrigUser") return [{ table, action: "disable" as const }];
      return [];
    });
  }
  if ("DropStmt" in node && node.DropStmt.removeType === "OBJECT_TRIGGER") {
    return (node.DropStmt.objects ?? []).flatMap((object) => {
      if (!("List" in object)) return [];
      const parts = (object.List.items ?? []).flatMap((item) => ("String" in item && item.String.sval ? [item.String.sval] : []));
      const trigger = parts.pop();
      if (!trigger || parts.length === 0) return [];
      const table = parts.length > 1 && parts[0] !== "public" ? parts.join(".") : (parts[parts.length - 1] as string);
      return [{ table, trigger, action: "drop" as const }];
    });
  }
  return [];
}

/** CREATE TABLE AS / SELECT INTO / CREATE MATERIALIZED VIEW: the new relation and the relations it copies from. */
export function tableCopy(node: Node): { target: string; sources: string[] } | undefined {
  if ("CreateTableAsStmt" in node) {
    const statement = node.CreateTableAsStmt;
    const target = relationName(statement.into?.rel);
    if (!target) return undefined;
    return {
      target,
      sources: collectRangeVars(statement.query)
        .map(relationName)
        .filter((name): name is string => !!name),
    };
  }
  if ("SelectStmt" in node && node.SelectStmt.intoClause) {
    const target = relationName(node.SelectStmt.intoClause.rel);
    if (!target) return undefined;
    const { intoClause: _into, ...rest } = node.SelectStmt;
    return {
      target,
      sources: collectRangeVars(rest)
        .map(relationName)
        .filter((name): name is string => !!name),
    };
  }
  return undefined;
}

/** CREATE/ALTER ROLE (or USER) with a literal password: the role and where the password option is. */
export function literalPassword(node: Node): { role: string; location?: number } | undefined {
  const statement = "CreateRoleStmt" in node ? node.CreateRoleStmt : "AlterRoleStmt" in node ? node.AlterRoleStmt : undefined;
  if (!statement) return undefined;
  const role =
    "role" in statement && typeof statement.role === "string"
      ? statement.role
      : ((statement.role as { rolename?: string } | undefined)?.rolename ?? "?");
  for (const option of statement.options ?? []) {
    if (!("DefElem" in option) || option.DefElem.defname !== "password") continue;
    const argument = option.DefElem.arg;
    if (argument && "String" in argument && argument.String.sval) return { role, location: option.DefElem.location };
  }
  return undefined;
}

/** CREATE FUNCTION ... SECURITY DEFINER, and whether it pins search_path with SET. */
export function securityDefiner(node: Node): { name: string; pinnedSearchPath: boolean } | undefined {
  if (!("CreateFunctionStmt" in node)) return undefined;
  const statement = node.CreateFunctionStmt;
  const options = (statement.options ?? []).flatMap((option) => ("DefElem" in option ? [option.DefElem] : []));
  const definer = options.some(
    (option) => option.defname === "security" && option.arg && "Boolean" in option.arg && option.arg.Boolean.boolval === true,
  );
  if (!definer) return undefined;
  const pinnedSearchPath = options.some(
    (option) =>
      option.defname === "set" &&
      option.arg &&
      "VariableSetStmt" in option.arg &&
      option.arg.VariableSetStmt.name === "search_path",
  );
  const name = (statement.funcname ?? [])
    .flatMap((part) => ("String" in part && part.String.sval ? [part.String.sval] : []))
    .join(".");
  return { name, pinnedSearchPath };
}
