import { defineRule, type RuleContext } from "@confiture/linting";
import type { SourceReference } from "@confiture/sql";
import { classifyColumn } from "../classify.js";
import { displayName, hasAuditTrail, hasRowLevelSecurity, isAppendOnly, sensitiveTables } from "../schema-checks.js";
import { classificationOf } from "../settings.js";
import { ruleBase, type SensitiveDataRule } from "./types.js";

/** Reports at an object's creation; falls back to the first line of the last file. */
export function reportAt(
  context: RuleContext<unknown, string>,
  at: SourceReference | undefined,
  messageId: string,
  data: Record<string, string>,
  help?: string,
): void {
  const file = at?.file ?? context.files?.[context.files.length - 1] ?? context.file;
  context.report({
    messageId,
    data,
    location: { file, line: at?.line ?? 1, column: at?.column ?? 1 },
    ...(help ? { help } : {}),
  });
}

/** Sensitive columns stored readable: neither encrypted (bytea via pgcrypto), tokenised, hashed nor tagged protected. */
export function sensitiveColumnPlaintextRule(identity: SensitiveDataRule) {
  return defineRule({
    ...ruleBase(identity, {
      plaintext: `Column {{table}}.{{column}} holds ${identity.label} ({{reason}}) but is stored readable as {{type}}.`,
    }),
    create(context) {
      return {
        schemaEnd(schema) {
          const config = classificationOf(context.settings);
          // Audit logs too: a plaintext copy of the data in an audit log is as readable as the original.
          for (const { key, table, classification } of sensitiveTables(schema, config, identity.categories, {
            includePreexisting: true,
            includeAuditLogs: true,
          })) {
            for (const [name, column] of classification.columns) {
              const matching = column.reasons.find((reason) => identity.categories.includes(reason.category));
              if (!matching || column.protected) continue;
              const model = table.columns.get(name);
              reportAt(
                context,
                model?.createdAt ?? table.createdAt,
                "plaintext",
                { table: key, column: name, reason: matching.detail, type: model?.type ?? "?" },
                `Encrypt it (pgcrypto: store pgp_sym_encrypt(value, key) in a bytea column) or tokenise it, then tag it: COMMENT ON COLUMN ${key}.${name} IS '@${matching.category} @encrypted'.`,
              );
            }
          }
        },
      };
    },
  });
}

/** Sensitive tables need row level security enabled and at least one policy. */
export function sensitiveTableRowLevelSecurityRule(identity: SensitiveDataRule) {
  return defineRule({
    ...ruleBase(identity, {
      noRowLevelSecurity: `Table {{table}} holds ${identity.label} but row level security is not enabled.`,
      noPolicy: `Table {{table}} holds ${identity.label} and enables row level security but defines no policy (only its owner can read it, so someone will turn RLS off).`,
    }),
    create(context) {
      return {
        schemaEnd(schema) {
          for (const { key, table } of sensitiveTables(schema, classificationOf(context.settings), identity.categories)) {
            if (hasRowLevelSecurity(table)) continue;
            reportAt(
              context,
              table.createdAt,
              table.rowLevelSecurity ? "noPolicy" : "noRowLevelSecurity",
              { table: key },
              `ALTER TABLE ${key} ENABLE ROW LEVEL SECURITY; CREATE POLICY ${table.name}_access ON ${key} USING (...);`,
            );
          }
        },
      };
    },
  });
}

/**
 * Sensitive tables need an audit trail: an audit trigger on INSERT, UPDATE and DELETE (or an
 * `@audited` tag). An audit log of that data needs no audit trail of itself: it must be append-only.
 */
export function sensitiveTableAuditTrailRule(identity: SensitiveDataRule) {
  return defineRule({
    ...ruleBase(identity, {
      noAuditTrail: `Table {{table}} holds ${identity.label} but no audit trigger records its changes.`,
      notAppendOnly: `Audit log {{table}} records changes to ${identity.label} but nothing keeps it append-only: its records can be changed or deleted.`,
    }),
    create(context) {
      return {
        schemaEnd(schema) {
          const config = classificationOf(context.settings);
          for (const { key, table, classification } of sensitiveTables(schema, config, identity.categories, {
            includeAuditLogs: true,
          })) {
            if (classification.auditLog) {
              if (isAppendOnly(table)) continue;
              reportAt(
                context,
                table.createdAt,
                "notAppendOnly",
                { table: key },
                `REVOKE UPDATE, DELETE, TRUNCATE ON ${key} FROM PUBLIC (and the application's roles), or add a BEFORE UPDATE OR DELETE trigger that raises an exception.`,
              );
              continue;
            }
            if (hasAuditTrail(table)) continue;
            reportAt(
              context,
              table.createdAt,
              "noAuditTrail",
              { table: key },
              `CREATE TRIGGER ${table.name}_audit AFTER INSERT OR UPDATE OR DELETE ON ${key} FOR EACH ROW EXECUTE FUNCTION audit.log_change(); or tag the table '@audited' if pgaudit logs it.`,
            );
          }
        },
      };
    },
  });
}

const retentionColumns = [
  "retain_until",
  "retention_until",
  "expires_at",
  "delete_after",
  "purge_after",
  "purge_at",
  "retention_expires_at",
];

/** Sensitive tables need a retention marker: a `@retention(...)` tag or a column that says when rows go. */
export function retentionMarkerRule(identity: SensitiveDataRule) {
  return defineRule({
    ...ruleBase(identity, { noRetention: `Table {{table}} holds ${identity.label} but says nothing about how long it is kept.` }),
    create(context) {
      return {
        schemaEnd(schema) {
          // Audit logs too: how long the record of changes is kept is itself a requirement.
          for (const { key, table, classification } of sensitiveTables(
            schema,
            classificationOf(context.settings),
            identity.categories,
            { includeAuditLogs: true },
          )) {
            const columnTags = [...classification.columns.values()].some((column) => column.tags.retention !== undefined);
            if (
              classification.tags.retention !== undefined ||
              columnTags ||
              retentionColumns.some((name) => table.columns.has(name))
            )
              continue;
            reportAt(
              context,
              table.createdAt,
              "noRetention",
              { table: key },
              `COMMENT ON TABLE ${key} IS '@retention(2y)', or add a column such as retain_until timestamptz that a purge job reads.`,
            );
          }
        },
      };
    },
  });
}

/** Columns of the given categories that must never be stored at all (card verification codes, PINs). */
export function forbiddenColumnRule(identity: SensitiveDataRule) {
  return defineRule({
    ...ruleBase(identity, {
      forbidden: `Column {{table}}.{{column}} stores ${identity.label} ({{reason}}), which must not be stored, encrypted or not.`,
    }),
    create(context) {
      return {
        schemaEnd(schema) {
          const config = classificationOf(context.settings);
          for (const table of schema.tables.values()) {
            const key = displayName(table);
            for (const column of table.columns.values()) {
              const classification = classifyColumn(table, column, config);
              const reason = classification.reasons.find((candidate) => identity.categories.includes(candidate.category));
              if (!reason) continue;
              reportAt(
                context,
                column.createdAt ?? table.createdAt,
                "forbidden",
                { table: key, column: column.name, reason: reason.detail },
                "Drop the column; keep only what the payment processor returns (a token, the last four digits).",
              );
            }
          }
        },
      };
    },
  });
}
