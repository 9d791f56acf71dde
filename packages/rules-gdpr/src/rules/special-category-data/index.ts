import { defineRule } from "@confiture/linting";
import { classificationOf, classifyColumn, displayName, matchesNamePattern, reportAt } from "@confiture/compliance";

/** Require special categories of personal data to be protected. */
export const rule = defineRule({
  id: "special-category-data",
  version: "1.0.0",
  meta: {
    description: "Require special categories of personal data to be protected",
    severity: "error",
    compliance: [
      { framework: "GDPR", control: "Art. 9(1)" },
      { framework: "GDPR", control: "Art. 32(1)(a)" },
    ],
    messages: {
      special: "Column {{table}}.{{column}} looks like special-category data ({{category}}) and is stored readable.",
    },
  },
  create(context) {
    const special = [
      "ethnicity",
      "ethnic_origin",
      "race",
      "religion",
      "religious_belief",
      "political_opinion",
      "political_affiliation",
      "trade_union",
      "sexual_orientation",
      "biometric",
      "fingerprint_template",
      "genetic",
      "health_status",
    ];
    return {
      schemaEnd(schema) {
        const config = classificationOf(context.settings);
        for (const table of schema.tables.values()) {
          if (table.kind !== "table") continue;
          for (const column of table.columns.values()) {
            const category = special.find((pattern) => matchesNamePattern(column.name, pattern));
            if (!category) continue;
            const classification = classifyColumn(table, column, config);
            if (classification.protected || classification.tags.notSensitive) continue;
            reportAt(
              context,
              column.createdAt ?? table.createdAt,
              "special",
              { table: displayName(table), column: column.name, category },
              "Avoid storing it; if you must (explicit consent, Art. 9(2)), encrypt it and tag it '@pii @encrypted'.",
            );
          }
        }
      },
    };
  },
});
