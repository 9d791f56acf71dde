import { defineRule } from "@confiture/linting";
import { blockingForeignKeys, classificationOf, reportAt, sensitiveTables } from "@confiture/compliance";

/** Require foreign keys into personal data to let its rows be erased. */
export const rule = defineRule({
  id: "erasure-path",
  version: "1.0.0",
  meta: {
    description: "Require foreign keys into personal data to let its rows be erased",
    severity: "critical",
    compliance: [{ framework: "GDPR", control: "Art. 17(1)" }],
    messages: {
      blocking:
        "{{table}}.{{constraint}} references {{subject}} without ON DELETE CASCADE or SET NULL: erasing a data subject fails while rows of {{table}} point at them.",
    },
  },
  create(context) {
    return {
      schemaEnd(schema) {
        const config = classificationOf(context.settings);
        for (const { key } of sensitiveTables(schema, config, ["pii"])) {
          for (const blocking of blockingForeignKeys(schema, key)) {
            const referencing = blocking.table.startsWith("public.") ? blocking.table.slice(7) : blocking.table;
            reportAt(
              context,
              blocking.createdAt,
              "blocking",
              { table: referencing, constraint: blocking.constraint ?? "foreign key", subject: key },
              "Declare ON DELETE CASCADE for data that belongs to the subject, or ON DELETE SET NULL for records that must outlive them (invoices), and keep a reviewed erasure procedure.",
            );
          }
        }
      },
    };
  },
});
