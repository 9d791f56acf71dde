import type { AlterPolicyStmt, CreatePolicyStmt, Node, RoleSpec } from "@pgsql/types";
import { nodeOf } from "./ast.js";
import { type ApplyContext, tableForAlter } from "./context.js";
import { expressionToSql } from "./deparse.js";
import { roleName } from "./names.js";
import type { PolicyModel } from "./types.js";

/** CREATE POLICY: command, roles (PUBLIC when none), permissive or restrictive, USING and WITH CHECK. */
export function applyCreatePolicy(context: ApplyContext, statement: CreatePolicyStmt): void {
  const relation = statement.table;
  if (relation?.relname === undefined || statement.policy_name === undefined) return;
  const table = tableForAlter(context, relation.schemaname, relation.relname);
  if (table.policies.some((policy) => policy.name === statement.policy_name)) return;
  const roles = (statement.roles ?? []).map((role) => roleName(nodeOf<RoleSpec>(role, "RoleSpec")));
  const policy: PolicyModel = {
    name: statement.policy_name,
    command: (statement.cmd_name ?? "all") as PolicyModel["command"],
    roles: roles.length === 0 ? ["PUBLIC"] : roles,
    permissive: statement.permissive === true,
    createdAt: context.source,
  };
  const using = expressionToSql(statement.qual);
  if (using !== undefined) policy.using = using;
  const withCheck = expressionToSql(statement.with_check);
  if (withCheck !== undefined) policy.withCheck = withCheck;
  table.policies.push(policy);
}

/** ALTER POLICY: replaces the roles, USING or WITH CHECK that are written. */
export function applyAlterPolicy(context: ApplyContext, statement: AlterPolicyStmt): void {
  const relation = statement.table;
  if (relation?.relname === undefined) return;
  const table = tableForAlter(context, relation.schemaname, relation.relname);
  const policy = table.policies.find((existing) => existing.name === statement.policy_name);
  if (policy === undefined) return;
  if (statement.roles !== undefined)
    policy.roles = statement.roles.map((role: Node) => roleName(nodeOf<RoleSpec>(role, "RoleSpec")));
  const using = expressionToSql(statement.qual);
  if (using !== undefined) policy.using = using;
  const withCheck = expressionToSql(statement.with_check);
  if (withCheck !== undefined) policy.withCheck = withCheck;
}
