import { defineRule } from "../../define-rule.js";
import { alterTableOf, rangeVarText } from "../ast.js";
import { addedConstraints } from "../constraints.js";
import { at, docsUrl, isEmptyHere } from "../support.js";

/** Flags ADD COLUMN ... PRIMARY KEY on existing tables. */
export const addingSerialPrimaryKeyField = defineRule({
  id: "adding-serial-primary-key-field",
  version: "1.0.0",
  meta: {
    description: "Disallow adding a primary key column to an existing table in one statement.",
    severity: "warning",
    messages: {
      primaryKeyColumn:
        "ADD COLUMN {{column}} ... PRIMARY KEY fills the column and builds the primary key index of {{table}} under an AccessExclusiveLock: reads and writes wait throughout.",
    },
    docs: docsUrl("adding-serial-primary-key-field"),
    equivalents: { squawk: "adding-serial-primary-key-field" },
  },
  create: (context) => ({
    statement(visit) {
      const alter = alterTableOf(visit.node);
      if (alter === undefined || isEmptyHere(visit, alter.relation)) return;
      for (const { constraint, column } of addedConstraints(alter)) {
        if (constraint.contype !== "CONSTR_PRIMARY" || column === undefined) continue;
        context.report({
          messageId: "primaryKeyColumn",
          data: { column: column.colname ?? "", table: rangeVarText(alter.relation) },
          location: at(visit.statement, constraint),
          help: "Add the column without PRIMARY KEY, backfill it in batches, CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... PRIMARY KEY USING INDEX.",
        });
      }
    },
  }),
});
