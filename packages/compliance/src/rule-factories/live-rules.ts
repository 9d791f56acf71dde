import { defineRule, type LiveDatabase } from "@confiture/linting";
import { loginRoles, loginRolesWithoutPassword, preloadedLibraries, readSettings, weakHbaRules } from "../live.js";
import { classificationOf } from "../settings.js";
import { databaseLocation, type RuleIdentity, ruleBase } from "./types.js";

/** One server setting and the values that satisfy the control. */
export interface SettingRequirement {
  name: string;
  /** Whether the setting's value (as pg_settings shows it) satisfies the control. */
  accepts: (value: string) => boolean;
  /** What it should be, for the message. */
  expected: string;
  /** The setting does not exist on this server (older version): accept when true. */
  optional?: boolean;
}

/** Server settings a control requires (`ssl = on`, `password_encryption = scram-sha-256`, ...). */
export function serverSettingsRule(
  identity: RuleIdentity & { requirements: SettingRequirement[]; help: string; anyOf?: boolean },
) {
  return defineRule({
    ...ruleBase(identity, { setting: "Server setting {{name}} is {{value}}; the control needs {{expected}}." }),
    create(context) {
      return {
        async live(database: LiveDatabase) {
          const settings = await readSettings(
            database,
            identity.requirements.map((requirement) => requirement.name),
          );
          const failures = identity.requirements.filter((requirement) => {
            const value = settings.get(requirement.name);
            if (value === undefined) return !requirement.optional;
            return !requirement.accepts(value);
          });
          const satisfied = identity.anyOf ? failures.length < identity.requirements.length : failures.length === 0;
          if (satisfied) return;
          for (const failure of failures) {
            context.report({
              messageId: "setting",
              data: { name: failure.name, value: settings.get(failure.name) ?? "not available", expected: failure.expected },
              location: databaseLocation,
              help: identity.help,
            });
          }
        },
      };
    },
  });
}

/** Login roles without a password (they rely on trust authentication). */
export function loginRolesHavePasswordsRule(identity: RuleIdentity) {
  return defineRule({
    ...ruleBase(identity, {
      noPassword: "Login role {{role}} has no password: it can only be protected by trust rules in pg_hba.conf.",
      unknown: "Could not read pg_authid (needs superuser rights): login roles without passwords were not checked.",
    }),
    create(context) {
      return {
        async live(database: LiveDatabase) {
          const roles = await loginRolesWithoutPassword(database);
          if (roles === undefined) return void context.report({ messageId: "unknown", location: databaseLocation });
          for (const role of roles)
            context.report({
              messageId: "noPassword",
              data: { role },
              location: databaseLocation,
              help: `ALTER ROLE ${role} PASSWORD ... (set out of band), or NOLOGIN.`,
            });
        },
      };
    },
  });
}

/** Superusers beyond the configured allow-list (`classification.superuserAllowList`). */
export function superuserAllowListRule(identity: RuleIdentity) {
  return defineRule({
    ...ruleBase(identity, { superuser: "Role {{role}} is a superuser and not on the allow-list ({{allowed}})." }),
    create(context) {
      return {
        async live(database: LiveDatabase) {
          const allowed = classificationOf(context.settings).superuserAllowList;
          for (const role of await loginRoles(database)) {
            if (role.superuser && !allowed.includes(role.name)) {
              context.report({
                messageId: "superuser",
                data: { role: role.name, allowed: allowed.join(", ") || "none" },
                location: databaseLocation,
                help: `ALTER ROLE ${role.name} NOSUPERUSER; grant it only the roles its duty needs.`,
              });
            }
          }
        },
      };
    },
  });
}

/** pgaudit must be preloaded for statement-level audit logging. */
export function pgauditRule(identity: RuleIdentity) {
  return defineRule({
    ...ruleBase(identity, {
      missing: "pgaudit is not in shared_preload_libraries: reads and writes of sensitive tables are not audited.",
    }),
    create(context) {
      return {
        async live(database: LiveDatabase) {
          if (!(await preloadedLibraries(database)).includes("pgaudit")) {
            context.report({
              messageId: "missing",
              location: databaseLocation,
              help: "shared_preload_libraries = 'pgaudit'; CREATE EXTENSION pgaudit; pgaudit.log = 'ddl, write, role'.",
            });
          }
        },
      };
    },
  });
}

/** pg_hba.conf rules that accept network clients without a password or without TLS. */
export function networkAccessRule(identity: RuleIdentity) {
  return defineRule({
    ...ruleBase(identity, {
      weak: "pg_hba.conf line {{line}} ({{type}} {{address}} {{method}}) lets network clients in {{why}}.",
      unknown: "Could not read pg_hba_file_rules (needs superuser rights): network access rules were not checked.",
    }),
    create(context) {
      return {
        async live(database: LiveDatabase) {
          const rules = await weakHbaRules(database);
          if (rules === undefined) return void context.report({ messageId: "unknown", location: databaseLocation });
          for (const rule of rules) {
            const why = rule.method === "trust" ? "without a password" : "without TLS";
            context.report({
              messageId: "weak",
              data: { line: rule.line, type: rule.type, address: rule.address ?? "all", method: rule.method, why },
              location: databaseLocation,
              help: "Use hostssl with scram-sha-256, and restrict addresses to the application's network.",
            });
          }
        },
      };
    },
  });
}
