import { defineRule } from "@confiture/linting";
import { displayName, hasColumn, identifierTokens, reportAt } from "@confiture/compliance";

/** Require consent tables to record purpose, grant and withdrawal. */
export const rule = defineRule({
  id: "consent-records",
  version: "1.0.0",
  meta: {
    description: "Require consent tables to record purpose, grant and withdrawal",
    severity: "error",
    compliance: [
      { framework: "GDPR", control: "Art. 7(1)" },
      { framework: "GDPR", control: "Art. 7(3)" },
    ],
    messages: {
      missing: "Consent table {{table}} has no {{columns}} column(s): consent cannot be demonstrated per purpose or withdrawn.",
    },
  },
  create(context) {
    const needs: Array<[string, string[]]> = [
      ["purpose", ["purpose", "purpose_id", "purpose_code"]],
      ["granted_at", ["granted_at", "given_at", "consented_at", "created_at"]],
      ["withdrawn_at", ["withdrawn_at", "revoked_at", "withdrawn"]],
    ];
    return {
      schemaEnd(schema) {
        for (const table of schema.tables.values()) {
          if (
            table.kind !== "table" ||
            !identifierTokens(table.name).some((token) => token === "consent" || token === "consents")
          )
            continue;
          const missing = needs.filter(([, names]) => !hasColumn(table, names)).map(([name]) => name);
          if (missing.length > 0)
            reportAt(
              context,
              table.createdAt,
              "missing",
              { table: displayName(table), columns: missing.join(", ") },
              "Add purpose, granted_at and withdrawn_at (timestamptz) so each consent is specific, provable and revocable.",
            );
        }
      },
    };
  },
});
