import type {
  AccessPriv,
  AlterRoleStmt,
  CreateRoleStmt,
  DefElem,
  DropRoleStmt,
  GrantRoleStmt,
  Node,
  RoleSpec,
} from "@pgsql/types";
import { nodeOf } from "./ast.js";
import type { ApplyContext } from "./context.js";
import { roleName } from "./names.js";
import type { RoleModel } from "./types.js";

/** Applies LOGIN / SUPERUSER / PASSWORD options; `PASSWORD NULL` removes the password. */
function applyRoleOptions(role: RoleModel, options: Node[] | undefined): void {
  for (const node of options ?? []) {
    const option = nodeOf<DefElem>(node, "DefElem");
    const flag = nodeOf<{ boolval?: boolean }>(option?.arg, "Boolean")?.boolval === true;
    if (option?.defname === "canlogin") role.login = flag;
    else if (option?.defname === "superuser") role.superuser = flag;
    else if (option?.defname === "password") role.hasPassword = option.arg !== undefined;
  }
}

/** CREATE ROLE | USER | GROUP: USER implies LOGIN, as in PostgreSQL. */
export function applyCreateRole(context: ApplyContext, statement: CreateRoleStmt): void {
  const name = statement.role;
  if (name === undefined || context.model.roles.has(name)) return;
  const role: RoleModel = {
    login: statement.stmt_type === "ROLESTMT_USER",
    superuser: false,
    hasPassword: false,
    createdAt: context.source,
  };
  applyRoleOptions(role, statement.options);
  context.model.roles.set(name, role);
}

/**
 * ALTER ROLE | USER. A role the replay has not seen existed before; it is recorded with what the
 * statement says and PostgreSQL's defaults for the rest (no login, not superuser, no password known).
 */
export function applyAlterRole(context: ApplyContext, statement: AlterRoleStmt): void {
  const name = roleName(statement.role);
  if (name === "") return;
  let role = context.model.roles.get(name);
  if (role === undefined) {
    role = { login: false, superuser: false, hasPassword: false };
    context.model.roles.set(name, role);
  }
  applyRoleOptions(role, statement.options);
}

/** DROP ROLE | USER. */
export function applyDropRole(context: ApplyContext, statement: DropRoleStmt): void {
  for (const node of statement.roles ?? []) context.model.roles.delete(roleName(nodeOf<RoleSpec>(node, "RoleSpec")));
}

/** GRANT role TO member / REVOKE role FROM member: recorded on members the model knows. */
export function applyGrantRole(context: ApplyContext, statement: GrantRoleStmt): void {
  const granted = (statement.granted_roles ?? []).flatMap((node) => {
    const name = nodeOf<AccessPriv>(node, "AccessPriv")?.priv_name;
    return name === undefined ? [] : [name];
  });
  for (const node of statement.grantee_roles ?? []) {
    const member = context.model.roles.get(roleName(nodeOf<RoleSpec>(node, "RoleSpec")));
    if (member === undefined) continue;
    const others = (member.memberOf ?? []).filter((name) => !granted.includes(name));
    member.memberOf = statement.is_grant === true ? [...others, ...granted] : others;
  }
}
