import { defineRule } from "@confiture/linting";
import { classificationOf, reportAt, sensitiveTables } from "@confiture/compliance";

/** Disallow foreign keys that silently delete PHI when a parent row is deleted. */
export const rule = defineRule({
  id: "phi-no-cascading-delete",
  version: "1.0.0",
  meta: {
    description: "Disallow foreign keys that silently delete PHI when a parent row is deleted",
    severity: "error",
    compliance: [{ framework: "HIPAA", control: "45 CFR 164.312(c)(1)" }],
    messages: { cascade: "{{table}}.{{constraint}} deletes PHI rows of {{table}} whenever a row of {{parent}} is deleted." },
  },
  create(context) {
    return {
      schemaEnd(schema) {
        for (const { key, table } of sensitiveTables(schema, classificationOf(context.settings), ["phi"])) {
          for (const constraint of table.constraints) {
            const onDelete = (constraint.references?.onDelete ?? "").toLowerCase();
            if (constraint.type !== "foreign_key" || !onDelete.includes("cascade")) continue;
            reportAt(
              context,
              constraint.createdAt ?? table.createdAt,
              "cascade",
              { table: key, constraint: constraint.name ?? "foreign key", parent: constraint.references?.table ?? "?" },
              "Use ON DELETE RESTRICT (the default) and remove PHI through a reviewed, audited procedure.",
            );
          }
        }
      },
    };
  },
});
