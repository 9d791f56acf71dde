import { defineRule } from "@confiture/linting";
import { classificationOf, hasColumn, isAppendOnly, reportAt, sensitiveTables } from "@confiture/compliance";

/** Require created/updated audit columns on financial tables. */
export const rule = defineRule({
  id: "financial-audit-columns",
  version: "1.0.0",
  meta: {
    description: "Require created/updated audit columns on financial tables",
    severity: "error",
    compliance: [
      { framework: "SOX", control: "SOX 404 ITGC: audit trail of financial data changes" },
      { framework: "SOX", control: "SOX 404: integrity of financial data" },
    ],
    messages: {
      missing: "Financial table {{table}} has no {{columns}} column(s): who changed a record, and when, cannot be shown.",
    },
  },
  create(context) {
    const needs: Array<[string, string[]]> = [
      ["created_at", ["created_at", "inserted_at"]],
      ["updated_at", ["updated_at", "modified_at"]],
      ["created_by", ["created_by", "inserted_by"]],
      ["updated_by", ["updated_by", "modified_by"]],
    ];
    return {
      schemaEnd(schema) {
        for (const { key, table } of sensitiveTables(schema, classificationOf(context.settings), ["financial"])) {
          // An append-only ledger's rows are never updated: it can only record who created them, and when.
          const needed = isAppendOnly(table) ? needs.filter(([name]) => name.startsWith("created")) : needs;
          const missing = needed.filter(([, names]) => !hasColumn(table, names)).map(([name]) => name);
          if (missing.length > 0)
            reportAt(
              context,
              table.createdAt,
              "missing",
              { table: key, columns: missing.join(", ") },
              "Add created_at/updated_at timestamptz and created_by/updated_by text, filled by defaults and a trigger.",
            );
        }
      },
    };
  },
});
