import { defineRule } from "../../define-rule.js";
import { alterCommands, alterTableOf, builtInTypeName, columnConstraints, commandColumn, rangeVarText } from "../ast.js";
import { at, docsUrl, isEmptyHere } from "../support.js";

/** Flags ADD COLUMN ... NOT NULL without a DEFAULT on existing tables. */
export const addingRequiredField = defineRule({
  id: "adding-required-field",
  version: "1.0.0",
  meta: {
    description: "Disallow adding NOT NULL columns without a DEFAULT to existing tables.",
    severity: "error",
    messages: {
      required:
        "ADD COLUMN {{column}} NOT NULL without a DEFAULT fails on {{table}} as soon as it has a row, and breaks inserts from clients that do not know the column.",
    },
    docs: docsUrl("adding-required-field"),
    equivalents: { squawk: "adding-required-field" },
  },
  create: (context) => ({
    statement(visit) {
      const alter = alterTableOf(visit.node);
      if (alter === undefined || isEmptyHere(visit, alter.relation)) return;
      for (const command of alterCommands(alter)) {
        const column = commandColumn(command);
        if (column === undefined) continue;
        const constraints = columnConstraints(column);
        const notNull = constraints.some(
          (constraint) => constraint.contype === "CONSTR_NOTNULL" || constraint.contype === "CONSTR_PRIMARY",
        );
        const filled = constraints.some((constraint) =>
          ["CONSTR_DEFAULT", "CONSTR_GENERATED", "CONSTR_IDENTITY"].includes(constraint.contype ?? ""),
        );
        const serial = ["serial", "bigserial", "smallserial"].includes(builtInTypeName(column.typeName) ?? "");
        if (!notNull || filled || serial) continue;
        context.report({
          messageId: "required",
          data: { column: column.colname ?? "", table: rangeVarText(alter.relation) },
          location: at(visit.statement, column),
          help: "Add the column with a DEFAULT (instant from PostgreSQL 11 for a non-volatile default), or add it nullable, backfill, then set NOT NULL safely.",
        });
      }
    },
  }),
});
