import { defineRule } from "../../define-rule.js";
import { placeOf } from "../schema-places.js";
import { docsUrl } from "../support.js";

/** Flags constraints still NOT VALID once every migration has run. */
export const requireConstraintValidation = defineRule({
  id: "require-constraint-validation",
  version: "1.0.0",
  meta: {
    description: "Require constraints added NOT VALID to be validated by a later migration.",
    severity: "warning",
    messages: {
      notValidated:
        "Constraint {{name}} on {{table}} is still NOT VALID after the last migration: existing rows were never checked, and the planner cannot rely on it.",
    },
    docs: docsUrl("require-constraint-validation"),
  },
  create: (context) => ({
    schemaEnd(schema) {
      for (const table of schema.tables.values()) {
        for (const constraint of table.constraints) {
          if (constraint.validated || constraint.enforced === false) continue;
          const name = constraint.name ?? `(${constraint.type})`;
          context.report({
            messageId: "notValidated",
            data: { name, table: table.schema === "public" ? table.name : `${table.schema}.${table.name}` },
            location: placeOf(constraint.createdAt ?? table.createdAt, context.file),
            help: `Add a migration: ALTER TABLE ${table.name} VALIDATE CONSTRAINT ${name}; (ShareUpdateExclusiveLock: reads and writes continue).`,
          });
        }
      }
    },
  }),
});
