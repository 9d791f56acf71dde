import { defineRule } from "@confiture/linting";
import { dataChange, grantInfo, literalPassword, securityDefiner, tableCopy, triggerRemovals } from "../ast.js";
import type { SensitiveCategory } from "../categories.js";
import { classifyTable } from "../classify.js";
import type { ClassificationConfig } from "../config.js";
import { isAuditTrigger, lookupTable, protectionTriggers, resolveTable } from "../schema-checks.js";
import { classificationOf } from "../settings.js";
import { type RuleIdentity, ruleBase, type SensitiveDataRule } from "./types.js";
import type { SchemaModel } from "@confiture/sql";

function holds(
  schema: SchemaModel,
  config: ClassificationConfig,
  name: string,
  categories: readonly SensitiveCategory[],
): boolean {
  // A table the migrations did not create (it predates them) is still judged by its name.
  const classification = classifyTable(resolveTable(schema, name), config);
  return categories.some((category) => classification.categories.has(category));
}

/** GRANT on sensitive tables to PUBLIC (and, when `allPrivileges`, GRANT ALL to anyone). */
export function broadGrantRule(identity: SensitiveDataRule & { flagAllPrivileges?: boolean }) {
  return defineRule({
    ...ruleBase(identity, {
      toPublic: `GRANT ON {{table}} TO PUBLIC gives every role access to ${identity.label}.`,
      allPrivileges: `GRANT ALL ON {{table}} to {{grantees}} gives write and DDL-adjacent rights on ${identity.label}; grant only what the role's duty needs.`,
    }),
    create(context) {
      return {
        statement({ node }) {
          const grant = grantInfo(node);
          if (!grant?.isGrant) return;
          const config = classificationOf(context.settings);
          for (const table of grant.tables) {
            if (!holds(context.schema, config, table, identity.categories)) continue;
            if (grant.toPublic)
              context.report({
                messageId: "toPublic",
                data: { table },
                help: `Grant to a role that needs it: GRANT SELECT ON ${table} TO app_reader;`,
              });
            else if (identity.flagAllPrivileges && grant.allPrivileges)
              context.report({ messageId: "allPrivileges", data: { table, grantees: grant.grantees.join(", ") } });
          }
        },
      };
    },
  });
}

/** CREATE TABLE AS / SELECT INTO / materialized views copying sensitive tables out of their controls. */
export function sensitiveCopyRule(identity: SensitiveDataRule) {
  return defineRule({
    ...ruleBase(identity, {
      copy: `{{target}} copies ${identity.label} from {{source}}, outside the controls (RLS, grants, audit) that protect the original.`,
    }),
    create(context) {
      return {
        statement({ node }) {
          const copy = tableCopy(node);
          if (!copy) return;
          const config = classificationOf(context.settings);
          const source = copy.sources.find((name) => holds(context.schema, config, name, identity.categories));
          if (source)
            context.report({
              messageId: "copy",
              data: { target: copy.target, source },
              help: "Use a view over the original (it keeps its row level security with security_invoker), or copy only columns that are not sensitive.",
            });
        },
      };
    },
  });
}

/** DELETE, UPDATE, TRUNCATE or DROP on audit (or ledger) tables: they may only be appended to. */
export function appendOnlyRule(identity: SensitiveDataRule) {
  return defineRule({
    ...ruleBase(identity, { rewrite: `{{action}} on {{table}} changes ${identity.label}, which may only be appended to.` }),
    create(context) {
      return {
        statement({ node, emptyInFile }) {
          const change = dataChange(node);
          if (!change || change.action === "insert") return;
          const config = classificationOf(context.settings);
          for (const table of change.tables) {
            // A table created empty in this same migration, and not written to since, holds no records yet.
            if (emptyInFile.has(table) || !holds(context.schema, config, table, identity.categories)) continue;
            context.report({
              messageId: "rewrite",
              data: { action: change.action.toUpperCase(), table },
              help: "Record a correcting entry instead (INSERT a reversal); archive old records to cold storage with a reviewed retention job.",
            });
          }
        },
      };
    },
  });
}

/**
 * The append-only protection a trigger removal lifts: the named protection trigger, or (DISABLE
 * TRIGGER ALL / USER) every one, on an audit log or ledger. Empty when it lifts none.
 */
function liftedProtection(
  schema: SchemaModel,
  config: ClassificationConfig,
  tableName: string,
  trigger: string | undefined,
): string[] {
  const table = lookupTable(schema, tableName);
  if (table === undefined) return [];
  const classification = classifyTable(table, config);
  if (!classification.auditLog && !classification.categories.has("audit")) return [];
  const guards = protectionTriggers(table);
  return trigger === undefined ? guards : guards.filter((name) => name === trigger);
}

/**
 * Disabling or dropping the audit trigger of a table that has one, or the trigger that keeps an
 * audit log or ledger append-only: either way changes stop being recorded, or records can be rewritten.
 */
export function auditTriggerRemovalRule(identity: RuleIdentity) {
  return defineRule({
    ...ruleBase(identity, {
      disable: "Disabling {{trigger}} on {{table}} stops its audit trail: changes made meanwhile leave no record.",
      drop: "Dropping {{trigger}} on {{table}} removes its audit trail.",
      disableProtection:
        "Disabling {{trigger}} on {{table}} lifts the protection that keeps its records append-only: they can be changed or deleted meanwhile.",
      dropProtection: "Dropping {{trigger}} on {{table}} lifts the protection that keeps its records append-only.",
    }),
    create(context) {
      return {
        statement({ node }) {
          for (const removal of triggerRemovals(node)) {
            const data = { trigger: removal.trigger ?? "every trigger", table: removal.table };
            // The protection first: a trigger named after the audit log it guards is no audit trail.
            const lifted = liftedProtection(context.schema, classificationOf(context.settings), removal.table, removal.trigger);
            if (lifted.length > 0) {
              context.report({
                messageId: removal.action === "disable" ? "disableProtection" : "dropProtection",
                data: { ...data, trigger: removal.trigger ?? `every trigger (${lifted.join(", ")})` },
                help: "Keep audit records append-only: correct them with new entries, never by lifting the trigger that rejects UPDATE and DELETE.",
              });
              continue;
            }
            if (!isAuditTrigger(lookupTable(context.schema, removal.table), removal.trigger)) continue;
            context.report({
              messageId: removal.action,
              data,
              help: "Keep the audit trigger; if it must change, replace it in the same transaction (CREATE OR REPLACE FUNCTION) so no change goes unrecorded.",
            });
          }
        },
      };
    },
  });
}

/** Well-known default passwords: worse than any literal, they are the first an attacker tries. */
const wellKnownPasswords = new Set(["postgres", "password", "admin", "root", "secret", "changeme", "123456", "default", "test"]);

/** CREATE/ALTER ROLE with a literal password: the secret lives in version control forever. */
export function literalPasswordRule(identity: RuleIdentity) {
  return defineRule({
    ...ruleBase(identity, {
      literal:
        "Role {{role}} gets a password written in the migration: it stays in version control and in every copy of the file.",
      wellKnown: "Role {{role}} gets a well-known default password.",
    }),
    create(context) {
      return {
        statement({ node, statement }) {
          const found = literalPassword(node);
          if (!found) return;
          // The AST keeps the password; it is compared, never reported.
          const option =
            "CreateRoleStmt" in node ? node.CreateRoleStmt.options : "AlterRoleStmt" in node ? node.AlterRoleStmt.options : [];
          const value =
            (option ?? []).flatMap((item) =>
              "DefElem" in item && item.DefElem.defname === "password" && item.DefElem.arg && "String" in item.DefElem.arg
                ? [item.DefElem.arg.String.sval ?? ""]
                : [],
            )[0] ?? "";
          context.report({
            messageId: wellKnownPasswords.has(value.toLowerCase()) ? "wellKnown" : "literal",
            data: { role: found.role },
            statement,
            help: "Create the role without a password in the migration and set it out of band (\\password in psql, or your secret manager's rotation).",
          });
        },
      };
    },
  });
}

/** SECURITY DEFINER functions that do not pin search_path can be hijacked by objects in a writable schema. */
export function securityDefinerSearchPathRule(identity: RuleIdentity) {
  return defineRule({
    ...ruleBase(identity, {
      unpinned: "SECURITY DEFINER function {{function}} runs with its owner's rights but does not pin search_path.",
    }),
    create(context) {
      return {
        statement({ node }) {
          const definer = securityDefiner(node);
          if (definer && !definer.pinnedSearchPath) {
            context.report({
              messageId: "unpinned",
              data: { function: definer.name },
              help: "Add SET search_path = pg_catalog, pg_temp (and schema-qualify every object it uses).",
            });
          }
        },
      };
    },
  });
}
