import { defineRule } from "@confiture/linting";
import { classificationOf, identifierTokens, reportAt, sensitiveTables } from "@confiture/compliance";

/** Require a table that tracks data subject requests. */
export const rule = defineRule({
  id: "access-request-tracking",
  version: "1.0.0",
  meta: {
    description: "Require a table that tracks data subject requests",
    severity: "error",
    compliance: [
      { framework: "GDPR", control: "Art. 15" },
      { framework: "GDPR", control: "Art. 12(3)" },
    ],
    messages: {
      missing: "The schema stores personal data ({{table}} and others) but has no table tracking data subject requests.",
    },
  },
  create(context) {
    return {
      schemaEnd(schema) {
        const personal = sensitiveTables(schema, classificationOf(context.settings), ["pii"]);
        const first = personal[0];
        if (!first) return;
        const tracked = [...schema.tables.values()].some((table) => {
          const tokens = identifierTokens(table.name);
          return (
            tokens.includes("dsar") ||
            (tokens.includes("subject") && tokens.some((token) => token.startsWith("request"))) ||
            (tokens.includes("access") && tokens.includes("requests")) ||
            (tokens.includes("privacy") && tokens.includes("requests"))
          );
        });
        if (!tracked)
          reportAt(
            context,
            first.table.createdAt,
            "missing",
            { table: first.key },
            "CREATE TABLE data_subject_requests (id bigint PRIMARY KEY, subject_id bigint, kind text, received_at timestamptz, completed_at timestamptz);",
          );
      },
    };
  },
});
