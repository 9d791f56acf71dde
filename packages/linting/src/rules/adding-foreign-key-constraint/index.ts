import { defineRule } from "../../define-rule.js";
import { alterTableOf, rangeVarText } from "../ast.js";
import { addedConstraints, isNotValid } from "../constraints.js";
import { at, docsUrl, isEmptyHere } from "../support.js";

/** Flags foreign keys added to existing tables without NOT VALID. */
export const addingForeignKeyConstraint = defineRule({
  id: "adding-foreign-key-constraint",
  version: "1.0.0",
  meta: {
    description: "Require foreign keys on existing tables to be added NOT VALID and validated separately.",
    severity: "warning",
    messages: {
      foreignKey:
        "Adding a foreign key to {{table}} scans it while holding ShareRowExclusiveLocks on {{table}} and {{referenced}}: writes to both tables wait.",
      inlineReference:
        "ADD COLUMN ... REFERENCES {{referenced}} takes ShareRowExclusiveLocks on {{table}} and {{referenced}} and cannot be NOT VALID.",
    },
    docs: docsUrl("adding-foreign-key-constraint"),
    equivalents: { squawk: "adding-foreign-key-constraint" },
  },
  create: (context) => ({
    statement(visit) {
      const alter = alterTableOf(visit.node);
      if (alter === undefined || isEmptyHere(visit, alter.relation)) return;
      for (const { constraint, column } of addedConstraints(alter)) {
        if (constraint.contype !== "CONSTR_FOREIGN" || isNotValid(constraint)) continue;
        const table = rangeVarText(alter.relation);
        const referenced = rangeVarText(constraint.pktable);
        const name = constraint.conname ?? `${alter.relation?.relname ?? "table"}_${column?.colname ?? "column"}_fkey`;
        context.report({
          messageId: column === undefined ? "foreignKey" : "inlineReference",
          data: { table, referenced },
          location: at(visit.statement, constraint),
          help:
            column === undefined
              ? `Add it NOT VALID (brief lock, no scan), then in another transaction: ALTER TABLE ${table} VALIDATE CONSTRAINT ${name};`
              : `Add the column first, then ALTER TABLE ${table} ADD CONSTRAINT ${name} FOREIGN KEY (${column.colname ?? ""}) REFERENCES ${referenced} NOT VALID; and VALIDATE CONSTRAINT ${name} in another transaction.`,
        });
      }
    },
  }),
});
