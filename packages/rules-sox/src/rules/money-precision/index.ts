import { defineRule } from "@confiture/linting";
import { displayName, matchesNamePattern, reportAt } from "@confiture/compliance";

/** Require exact types for money amounts. */
export const rule = defineRule({
  id: "money-precision",
  version: "1.0.0",
  meta: {
    description: "Require exact types for money amounts",
    severity: "error",
    compliance: [
      { framework: "SOX", control: "SOX 404: integrity of financial data" },
      { framework: "SOX", control: "SOX 404: reconciliation of financial data" },
    ],
    messages: {
      inexact:
        "{{table}}.{{column}} stores money as {{type}}: floating point cannot represent cents exactly and the money type depends on lc_monetary.",
    },
  },
  create(context) {
    const amount = ["amount", "price", "balance", "total", "cost", "fee", "tax", "subtotal", "salary", "payment"];
    const inexact = new Set(["float4", "float8", "money", "real", "double precision"]);
    return {
      schemaEnd(schema) {
        for (const table of schema.tables.values()) {
          if (table.kind !== "table") continue;
          for (const column of table.columns.values()) {
            if (!inexact.has(column.type)) continue;
            if (!amount.some((pattern) => matchesNamePattern(column.name, pattern))) continue;
            reportAt(
              context,
              column.createdAt ?? table.createdAt,
              "inexact",
              { table: displayName(table), column: column.name, type: column.type },
              "Use numeric(19,4) or integer minor units (bigint cents) with a currency column.",
            );
          }
        }
      },
    };
  },
});
