import { defineRule } from "../../define-rule.js";
import { alterTableOf, rangeVarText } from "../ast.js";
import { addedConstraints } from "../constraints.js";
import { at, docsUrl, isEmptyHere } from "../support.js";

/** Flags EXCLUDE constraints added to existing tables. */
export const addingExclusionConstraint = defineRule({
  id: "adding-exclusion-constraint",
  version: "1.0.0",
  meta: {
    description: "Disallow adding exclusion constraints to existing tables.",
    severity: "warning",
    messages: {
      exclusion:
        "Adding an EXCLUDE constraint to {{table}} builds its index and checks every row under an AccessExclusiveLock; it cannot be NOT VALID or use a prebuilt index.",
    },
    docs: docsUrl("adding-exclusion-constraint"),
    equivalents: { eugene: "E8" },
  },
  create: (context) => ({
    statement(visit) {
      const alter = alterTableOf(visit.node);
      if (alter === undefined || isEmptyHere(visit, alter.relation)) return;
      for (const { constraint } of addedConstraints(alter)) {
        if (constraint.contype !== "CONSTR_EXCLUSION") continue;
        context.report({
          messageId: "exclusion",
          data: { table: rangeVarText(alter.relation) },
          location: at(visit.statement, constraint),
        });
      }
    },
  }),
});
