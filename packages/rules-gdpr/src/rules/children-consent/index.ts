import { defineRule } from "@confiture/linting";
import { displayName, matchesNamePattern, reportAt } from "@confiture/compliance";

/** Require parental consent records where birth dates are stored. */
export const rule = defineRule({
  id: "children-consent",
  version: "1.0.0",
  meta: {
    description: "Require parental consent records where birth dates are stored",
    severity: "error",
    compliance: [{ framework: "GDPR", control: "Art. 8(1)" }],
    messages: {
      missing:
        "Table {{table}} stores a birth date ({{column}}) but has no parental consent column: children's data may be processed without a holder of parental responsibility's consent.",
    },
  },
  create(context) {
    const birthDate = ["date_of_birth", "birth_date", "dob", "birthdate"];
    return {
      schemaEnd(schema) {
        for (const table of schema.tables.values()) {
          if (table.kind !== "table") continue;
          const column = [...table.columns.keys()].find((name) => birthDate.some((pattern) => matchesNamePattern(name, pattern)));
          if (!column) continue;
          const consent = [...table.columns.keys()].some(
            (name) => matchesNamePattern(name, "parental_consent") || matchesNamePattern(name, "guardian_consent"),
          );
          if (consent || /@age-verified\b/i.test(table.comment ?? "")) continue;
          reportAt(
            context,
            table.columns.get(column)?.createdAt ?? table.createdAt,
            "missing",
            { table: displayName(table), column },
            "Add parental_consent_at timestamptz (and who gave it), or tag the table '@age-verified' when sign-up refuses minors.",
          );
        }
      },
    };
  },
});
