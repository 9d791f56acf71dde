import { defineRule } from "../../define-rule.js";
import { alterTableOf, rangeVarText, stringsOf } from "../ast.js";
import { addedConstraints } from "../constraints.js";
import { at, docsUrl, isEmptyHere } from "../support.js";

/** Flags UNIQUE constraints added to existing tables without USING INDEX. */
export const disallowedUniqueConstraint = defineRule({
  id: "disallowed-unique-constraint",
  version: "1.0.0",
  meta: {
    description: "Disallow adding UNIQUE constraints to existing tables without a prebuilt index.",
    severity: "warning",
    messages: {
      unique:
        "Adding a UNIQUE constraint to {{table}} builds its index under an AccessExclusiveLock: reads and writes wait for the whole build.",
    },
    docs: docsUrl("disallowed-unique-constraint"),
    equivalents: { squawk: "disallowed-unique-constraint" },
  },
  create: (context) => ({
    statement(visit) {
      const alter = alterTableOf(visit.node);
      if (alter === undefined || isEmptyHere(visit, alter.relation)) return;
      for (const { constraint, column } of addedConstraints(alter)) {
        if (constraint.contype !== "CONSTR_UNIQUE" || constraint.indexname !== undefined) continue;
        const table = rangeVarText(alter.relation);
        const columns = column === undefined ? stringsOf(constraint.keys).join(", ") : (column.colname ?? "");
        const name = constraint.conname ?? `${alter.relation?.relname ?? "table"}_${columns.replaceAll(", ", "_")}_key`;
        context.report({
          messageId: "unique",
          data: { table },
          location: at(visit.statement, constraint),
          help: `CREATE UNIQUE INDEX CONCURRENTLY ${name} ON ${table} (${columns}); then ALTER TABLE ${table} ADD CONSTRAINT ${name} UNIQUE USING INDEX ${name};`,
        });
      }
    },
  }),
});
